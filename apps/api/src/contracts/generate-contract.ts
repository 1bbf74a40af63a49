/**
 * `node dist/apps/api/src/contracts/generate-contract.js` (run by `npm run build`, from the repository root): writes
 * libs/contracts' generated files from the API's code. contract.spec.ts fails when the committed files are stale.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contractFiles } from './contract-files';

const root = process.cwd();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
for (const [path, content] of Object.entries(contractFiles(root, version))) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

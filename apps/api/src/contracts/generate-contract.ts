/**
 * `node dist/apps/api/src/contracts/generate-contract.js` (run by `npm run build`, from the repository root): writes
 * libs/contracts' generated files from the API's code. contract.spec.ts fails when the committed files are stale.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contractFiles } from './contract-files';

const root = process.cwd();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
for (const [path, content] of Object.entries(contractFiles(root, version))) {
  const file = join(root, path);
  if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  // the build goes on with the new contract; the committed one was stale (contract.spec fails on it until committed)
  process.stderr.write(`${path} : contrat régénéré d’après le code de l’API, à committer.\n`);
}

// Lints in-memory files with the repository's ESLint config, outside Jest's sandbox (ESLint loads its config with
// `import()`). stdin: [{ filePath, code }]; stdout: per file, the rule ids and messages ESLint reported.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';

const probes = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(results));

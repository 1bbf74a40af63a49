import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Once per run: one server build (swc → dist/) for the API and worker child processes, and the log folder. */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const build = spawnSync('npm', ['run', '-s', 'build:server'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:server a échoué (${build.status}) :\n${build.stdout}\n${build.stderr}`);
  mkdirSync(path.join(root, 'test-artifacts', 'faults-logs'), { recursive: true });
}

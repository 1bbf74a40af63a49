import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import integrationSetup from '../../setup/global-setup';
import { ARTIFACTS_DIR, PARTS_DIR } from './summary';

/**
 * Once per run: the integration prerequisites (PostgreSQL, Redis, migrated template database), then one server build
 * (swc → dist/, a few seconds) for the worker and API child processes the fault scenarios kill and restart.
 */
export default async function globalSetup(): Promise<void> {
  // one concrete seed for the whole run, printed in the summary (workers inherit the environment)
  if (process.env.FUZZ_SEED === 'random') process.env.FUZZ_SEED = String(Math.floor(Math.random() * 2 ** 31));
  await integrationSetup();
  const root = path.resolve(__dirname, '../../..');
  const started = Date.now();
  const build = spawnSync('npm', ['run', '-s', 'build:server'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:server a échoué (${build.status}) :\n${build.stdout}\n${build.stderr}`);
  process.stdout.write(`\n[faults] build:server en ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  rmSync(PARTS_DIR, { recursive: true, force: true });
  mkdirSync(PARTS_DIR, { recursive: true });
  mkdirSync(path.join(ARTIFACTS_DIR, 'faults-logs'), { recursive: true });
}

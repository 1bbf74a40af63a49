import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppConfig } from '../platform/config/app-config';
import { checkDependencies } from './dependencies-check';
import { runMigrations } from './migration.command';
import { demoLogins, runSeedDemo } from './seed-demo.command';
import { startMailCatcher } from './mail-catcher';
import { repoRoot } from '../platform/repo-root';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `npm run demo`: checks PostgreSQL and Redis, migrates, seeds, then runs the API and the worker until Ctrl+C. */
export const runDemo = async (config: AppConfig, io: Io): Promise<number> => {
  const problems = await checkDependencies(config.databaseUrl, config.redisUrl);
  if (problems.length > 0) {
    io.stderr(`Impossible de lancer la démo :\n${problems.join('\n')}`);
    return 1;
  }
  await runMigrations(config.databaseUrl, io.stdout);
  await runSeedDemo(config, io);

  // without a mail server of its own, the demo catches the report emails itself (files in .demo-mail/)
  const smtp = new URL(config.smtpUrl);
  const catcher =
    ['127.0.0.1', 'localhost'].includes(smtp.hostname) && smtp.protocol === 'smtp:'
      ? await startMailCatcher(Number(smtp.port || 25), path.join(repoRoot(), '.demo-mail'), io.stdout)
      : null;

  // the API and the worker share a signing key made for this run (unless one is given): nothing signed survives the demo
  const env = { ...process.env, DEMO_MODE: 'true', JWT_SECRET: process.env.JWT_SECRET || randomBytes(48).toString('base64url') };
  const dir = path.resolve(__dirname, '..');
  const children: ChildProcess[] = [
    spawn(process.execPath, [path.join(dir, 'main.js')], { env, stdio: 'inherit' }),
    spawn(process.execPath, [path.join(dir, 'worker.js')], { env, stdio: 'inherit' }),
  ];
  if (catcher) io.stdout(`Les e-mails envoyés par la démo sont captés sur ${config.smtpUrl} et enregistrés dans .demo-mail/`);
  io.stdout(
    `\nLevier tourne sur ${config.appUrl}  (API : ${config.appUrl}/api, documentation : ${config.appUrl}/api/docs)\n\nComptes de démonstration :\n${demoLogins()}\n\nCtrl+C pour arrêter.`,
  );
  const stop = (): void => {
    for (const child of children) child.kill('SIGTERM');
    catcher?.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const codes = await Promise.all(
    children.map(
      (c) =>
        new Promise<number>((resolve) =>
          c.on('exit', (code) => {
            stop();
            resolve(code ?? 0);
          }),
        ),
    ),
  );
  return Math.max(...codes);
};

import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './summary';
import { TEST_JWT_SECRET } from '../../setup/test-env';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const WORKER_JS = path.join(REPO_ROOT, 'dist/apps/api/src/worker.js');
const API_JS = path.join(REPO_ROOT, 'dist/apps/api/src/main.js');

export interface ProcessEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  [name: string]: string;
}

/** A built Levier process (worker or API) run as a child, its output appended to test-artifacts/faults-logs/<log>.log. */
export class LevierProcess {
  private readonly exit: Promise<number | null>;
  private readonly log: WriteStream;
  private readonly tail: string[] = [];

  private constructor(
    readonly proc: ChildProcess,
    logName: string,
  ) {
    this.log = createWriteStream(path.join(ARTIFACTS_DIR, 'faults-logs', `${logName}.log`), { flags: 'a' });
    this.log.write(`\n=== pid ${proc.pid} started ${new Date().toISOString()} ===\n`);
    proc.stdout?.pipe(this.log, { end: false });
    proc.stderr?.pipe(this.log, { end: false });
    // what the process printed last (warnings and errors, stack traces), kept to explain an unexpected death in a test failure
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') this.tail.push(line.slice(0, 400));
      this.tail.splice(0, Math.max(0, this.tail.length - 12));
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exit = new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        this.log.write(`=== pid ${proc.pid} exited code=${code} signal=${signal} ===\n`);
        resolve(code);
      }),
    );
  }

  static worker(env: ProcessEnv, logName: string): LevierProcess {
    return LevierProcess.start(WORKER_JS, env, logName);
  }

  static api(env: ProcessEnv & { PORT: string }, logName: string): LevierProcess {
    return LevierProcess.start(API_JS, env, logName);
  }

  private static start(script: string, env: ProcessEnv, logName: string): LevierProcess {
    const proc = spawn(process.execPath, [script], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', DEMO_MODE: 'true', JWT_SECRET: TEST_JWT_SECRET, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new LevierProcess(proc, logName);
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** SIGKILL: no shutdown hook, no job handed back; resolves once the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.alive) this.proc.kill(signal);
    await this.exit;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.alive) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
    this.log.end();
  }

  /** The last lines the process printed, and how it ended (exit code or signal) once it has. */
  lastWords(): string[] {
    const end = this.alive ? [] : [`exit code=${this.proc.exitCode} signal=${this.proc.signalCode}`];
    return [...this.tail, ...end];
  }

  exited(): Promise<number | null> {
    return this.exit;
  }
}

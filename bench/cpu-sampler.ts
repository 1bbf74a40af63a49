import { readdirSync, readFileSync } from 'node:fs';
import type { Product } from './bench-processes';

/** Linux's clock ticks per second for /proc/<pid>/stat's utime and stime (`getconf CLK_TCK`, 100 on every usual kernel). */
const TICKS_PER_SECOND = 100;

interface Seen {
  who: string;
  ticks: number;
}

/** Name, start time and CPU ticks (user + system) of a process, from /proc/<pid>/stat; null when it has gone. */
const readStat = (pid: number): { comm: string; started: string; ticks: number } | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // after "pid (comm) ": state is field 0, utime 11, stime 12, starttime 19
    return { comm: stat.slice(stat.indexOf('(') + 1, close), started: fields[19], ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
};

/**
 * CPU seconds spent by each kind of process between start() and stop(): the product's API and worker, PostgreSQL (every
 * process named `postgres`: backends, checkpointer, WAL writer), and the bench's own process, sampled from /proc every
 * half second (a backend that exits loses at most its last half second). On two cores shared by all of them, this says
 * which one an import is waiting for (docs/scaling.md § What an import of M costs). Linux only; elsewhere it reports
 * nothing.
 */
export class CpuSampler {
  /** By pid and start time: a pid reused by a new backend is another process. */
  private readonly seen = new Map<string, Seen>();
  private readonly atStart = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  constructor(private readonly named: ReadonlyMap<number, string>) {}

  start(): void {
    this.sample();
    for (const [who, ticks] of this.totals()) this.atStart.set(who, ticks);
    this.startedAt = Date.now();
    this.timer = setInterval(() => this.sample(), 500);
    this.timer.unref();
  }

  /** CPU seconds per kind of process since start(), and the seconds elapsed. */
  stop(): { seconds: number; cpuSeconds: Record<string, number> } {
    clearInterval(this.timer);
    this.sample();
    const cpuSeconds: Record<string, number> = {};
    for (const [who, ticks] of this.totals()) cpuSeconds[who] = Number(((ticks - (this.atStart.get(who) ?? 0)) / TICKS_PER_SECOND).toFixed(1));
    return { seconds: (Date.now() - this.startedAt) / 1000, cpuSeconds };
  }

  private whoIs(pid: number, comm: string): string | null {
    const named = this.named.get(pid);
    if (named !== undefined) return named;
    if (pid === process.pid) return 'bench';
    return comm === 'postgres' ? 'postgres' : null;
  }

  private sample(): void {
    let pids: number[];
    try {
      pids = readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .map(Number);
    } catch {
      return;
    }
    for (const pid of pids) {
      const stat = readStat(pid);
      if (stat === null) continue;
      const key = `${pid}:${stat.started}`;
      const who = this.seen.get(key)?.who ?? this.whoIs(pid, stat.comm);
      if (who !== null) this.seen.set(key, { who, ticks: stat.ticks });
    }
  }

  private totals(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const { who, ticks } of this.seen.values()) totals.set(who, (totals.get(who) ?? 0) + ticks);
    return totals;
  }
}

/** A sampler of the product's API and worker, PostgreSQL and the bench. */
export const productCpu = (product: Product): CpuSampler =>
  new CpuSampler(
    new Map([
      [product.api.pid ?? -1, 'api'],
      [product.worker.pid ?? -1, 'worker'],
    ]),
  );

/** « postgres 61.1 s, worker 47.2 s, … : 1.73 cores » */
export const describeCpu = ({ seconds, cpuSeconds }: ReturnType<CpuSampler['stop']>): string => {
  const total = Object.values(cpuSeconds).reduce((sum, s) => sum + s, 0);
  const parts = Object.entries(cpuSeconds)
    .sort((a, b) => b[1] - a[1])
    .map(([who, s]) => `${who} ${s.toFixed(1)} s`);
  return `${parts.join(', ')}: ${(total / seconds).toFixed(2)} cores busy on average`;
};

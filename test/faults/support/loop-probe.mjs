/**
 * Preloaded into a worker process under test (`NODE_OPTIONS=--import <this file>`, test/faults only, never in the
 * product): it measures the worker's own event loop from inside and puts a BullMQ consumer with a SHORT lock on the
 * same loop. Every second it appends one JSON line to LOOP_PROBE_FILE:
 *   { t, gapMaxMs, delayMaxMs, rss, heapUsed }
 *   - gapMaxMs: the largest lateness of a 50 ms interval timer over that second (the loop was held that long),
 *   - delayMaxMs: perf_hooks monitorEventLoopDelay's max over that second,
 *   - rss / heapUsed: process.memoryUsage() in bytes;
 * and one line per incident of its BullMQ worker: { t, event: 'error' | 'failed' | 'stalled' | 'lockRenewalFailed', … }.
 * The consumer takes the jobs of LOOP_PROBE_QUEUE (a job scheduler the test creates, one job a second), holds each
 * for 600 ms under a 2 s lock (renewed every second) and returns how late it started and when it ended.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'bullmq';

const out = process.env.LOOP_PROBE_FILE;
const queue = process.env.LOOP_PROBE_QUEUE;
if (!out || !queue) throw new Error('loop-probe : LOOP_PROBE_FILE et LOOP_PROBE_QUEUE sont obligatoires');
const write = (line) => appendFileSync(out, `${JSON.stringify({ t: Date.now(), ...line })}\n`);

const TICK_MS = 50;
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let last = performance.now();
let gapMaxMs = 0;
setInterval(() => {
  const now = performance.now();
  gapMaxMs = Math.max(gapMaxMs, now - last - TICK_MS);
  last = now;
}, TICK_MS).unref();
setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  write({ gapMaxMs: Math.round(gapMaxMs), delayMaxMs: Math.round(histogram.max / 1e6), rss, heapUsed });
  histogram.reset();
  gapMaxMs = 0;
}, 1000).unref();

const url = new URL(process.env.REDIS_URL);
const worker = new Worker(
  queue,
  async (job) => {
    const due = job.timestamp + (job.opts.delay ?? 0);
    const lateMs = Date.now() - due;
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { lateMs, endedAt: Date.now() };
  },
  {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: process.env.QUEUE_PREFIX,
    concurrency: 1,
    lockDuration: 2000,
    stalledInterval: 1000,
    maxStalledCount: 0,
  },
);
worker.on('error', (err) => write({ event: 'error', message: String(err && err.message) }));
worker.on('failed', (job, err) => write({ event: 'failed', jobId: job && job.id, message: String(err && err.message) }));
worker.on('stalled', (jobId) => write({ event: 'stalled', jobId }));
worker.on('lockRenewalFailed', (jobIds) => write({ event: 'lockRenewalFailed', jobIds }));
process.once('SIGTERM', () => void worker.close(true));

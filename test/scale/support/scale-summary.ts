import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SCALE_SUMMARY_FILE = path.resolve(__dirname, '../../../test-artifacts/scale-summary.json');

/** What `npm run test:scale` measured (test-artifacts/scale-summary.json). */
export interface ScaleSummary {
  form: 'short' | 'full';
  replicaReads: number;
  editToDashboardP95Ms: number | null;
  sentinelFailovers: number;
  clusterPrimariesKilled: number;
  workers: number;
  submissions: number;
  lost: number;
  doubled: number;
  notes: string[];
}

export const writeScaleSummary = (summary: ScaleSummary): void => {
  mkdirSync(path.dirname(SCALE_SUMMARY_FILE), { recursive: true });
  writeFileSync(SCALE_SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
};

/** The 95th percentile (nearest rank) of some durations. */
export const p95 = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]);
};

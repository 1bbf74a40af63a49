/** Polling a submission until it is applied or rejected. */
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';

export type SubmissionPhase = 'waiting' | 'validating' | 'applying';
/** Where an unfinished submission stands (GET /api/submissions/:id); percent is null when the API could not tell. */
export interface SubmissionProgress {
  phase: SubmissionPhase;
  percent: number | null;
}

/** What applying a dry run would do (POST /api/submissions?dryRun=true). */
export interface SubmissionPreviewData {
  created: number;
  /** `unit`: the metric's unit from the API (« € » for money); older previews stored without it read as plain numbers. */
  changed: Array<{ figureId: string; orgUnit: string; service: string; metric: string; unit?: string; period: string; old: string; new: string }>;
  unchanged: number;
  flagged: Array<{ line: number | null; kind: string; message: string }>;
  errors: Array<{ line: number | null; column: string | null; value: string | null; message: string; sheet?: string }>;
}

export interface SubmissionState {
  id: string;
  status: 'received' | 'validating' | 'rejected' | 'applied' | 'previewed' | 'discarded';
  fileName?: string | null;
  preview?: SubmissionPreviewData | null;
  rowCount?: number | null;
  processedCount?: number | null;
  appliedCount?: number | null;
  errors?: Array<{ line: number | null; column: string | null; value: string | null; message: string; sheet?: string }>;
  flags?: Array<{ line: number | null; kind: string; message: string }>;
  progress?: SubmissionProgress | null;
}

export const isFinished = (s: SubmissionState | null | undefined): boolean =>
  s?.status === 'applied' || s?.status === 'rejected' || s?.status === 'previewed' || s?.status === 'discarded';

/** The API's progress of an unfinished submission, else one read from processedCount / rowCount; null once finished. */
export const progressOf = (s: SubmissionState | null | undefined): SubmissionProgress | null => {
  if (!s || isFinished(s)) return null;
  if (s.progress) return s.progress;
  if (s.status === 'received') return { phase: 'waiting', percent: null };
  const known = Boolean(s.rowCount) && s.processedCount !== null && s.processedCount !== undefined;
  return { phase: 'validating', percent: known ? Math.min(100, Math.floor(((s.processedCount ?? 0) / (s.rowCount ?? 1)) * 100)) : null };
};

/** `round` restarts the polling of the same submission (after an apply sends it through the pipeline again). */
export const useSubmissionPolling = (id: string | null, intervalMs = 700, timeoutMs = 120_000, round = 0) => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  const [state, setState] = useState<SubmissionState | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setState(null);
    setError(null);
    if (!id || !dataProvider.apiGet) return;
    let cancelled = false;
    const started = Date.now();
    const tick = async () => {
      try {
        const s = await (dataProvider.apiGet as NonNullable<LevierDataProvider['apiGet']>)<SubmissionState>(`/submissions/${encodeURIComponent(id)}`);
        if (cancelled) return;
        setState(s);
        if (isFinished(s)) return;
      } catch (e) {
        if (cancelled) return;
        setError(e);
        return;
      }
      if (Date.now() - started < timeoutMs) setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      cancelled = true;
    };
  }, [id, dataProvider, intervalMs, timeoutMs, round]);
  return { state, error };
};

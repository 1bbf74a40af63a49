/** Polling a submission until it is applied or rejected. */
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';

export interface SubmissionState {
  id: string;
  status: 'received' | 'validating' | 'rejected' | 'applied';
  rowCount?: number | null;
  processedCount?: number | null;
  appliedCount?: number | null;
  errors?: Array<{ line: number | null; column: string | null; value: string | null; message: string }>;
  flags?: Array<{ line: number | null; kind: string; message: string }>;
}

export const isFinished = (s: SubmissionState | null | undefined): boolean => s?.status === 'applied' || s?.status === 'rejected';

/** Progress in [0, 100] from processedCount / rowCount, or null when unknown. */
export const progressOf = (s: SubmissionState | null | undefined): number | null => {
  if (!s) return null;
  if (isFinished(s)) return 100;
  if (!s.rowCount || s.processedCount === null || s.processedCount === undefined) return null;
  return Math.min(100, Math.round((s.processedCount / s.rowCount) * 100));
};

export const useSubmissionPolling = (id: string | null, intervalMs = 700, timeoutMs = 120_000) => {
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
  }, [id, dataProvider, intervalMs, timeoutMs]);
  return { state, error };
};

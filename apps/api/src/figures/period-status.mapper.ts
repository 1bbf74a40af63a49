import type { PeriodStatusView } from './period-status.repository';

export interface PeriodStatusResponse {
  id: string;
  orgUnit: string;
  period: string;
  status: string;
  reason: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  /** Who submitted it: under the four-eyes rule, someone else approves. */
  submittedBy: string | null;
  submittedByName: string | null;
  updatedAt: string;
}

export const toPeriodStatusResponse = (p: PeriodStatusView): PeriodStatusResponse => ({
  id: p.id,
  orgUnit: p.orgUnit,
  period: p.period,
  status: p.status,
  reason: p.reason,
  updatedBy: p.updatedBy,
  updatedByName: p.updatedByName,
  submittedBy: p.submittedBy,
  submittedByName: p.submittedByName,
  updatedAt: new Date(p.updatedAt).toISOString(),
});

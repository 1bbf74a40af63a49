import type { PeriodStatusView } from './period-status.repository';

export interface PeriodStatusResponse {
  id: string;
  orgUnit: string;
  period: string;
  status: string;
  reason: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export const toPeriodStatusResponse = (p: PeriodStatusView): PeriodStatusResponse => ({
  id: p.id,
  orgUnit: p.orgUnit,
  period: p.period,
  status: p.status,
  reason: p.reason,
  updatedBy: p.updatedBy,
  updatedAt: new Date(p.updatedAt).toISOString(),
});

import type { FigureView } from './figure.repository';

export interface FigureResponse {
  id: string;
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  /** Decimal string, never a JSON number. */
  value: string;
  status: string;
  source: string;
  comment: string | null;
  submissionId: string | null;
  updatedAt: string;
  orgUnitLabel: string;
  serviceLabel: string;
  metricLabel: string;
  metricUnit: string;
  updatedBy: string | null;
  updatedByName: string | null;
}

export const toFigureResponse = (f: FigureView): FigureResponse => ({
  id: f.id,
  orgUnit: f.orgUnit,
  service: f.service,
  metric: f.metric,
  period: f.period,
  value: f.value,
  status: f.status,
  source: f.source,
  comment: f.comment,
  submissionId: f.submissionId,
  updatedAt: new Date(f.updatedAt).toISOString(),
  orgUnitLabel: f.orgUnitLabel,
  serviceLabel: f.serviceLabel,
  metricLabel: f.metricLabel,
  metricUnit: f.metricUnit,
  updatedBy: f.updatedBy,
  updatedByName: f.updatedByName,
});

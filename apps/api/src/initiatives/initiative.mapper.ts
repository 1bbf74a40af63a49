import { INITIATIVE_STATUS_LABELS, InitiativeStatus } from './initiative-status';
import { Initiative } from './initiative.entity';
import type { Integer } from '@levier/contracts';

export interface InitiativeResponse {
  id: string;
  title: string;
  /** The team's unit code (what the API takes back) and its name. */
  orgUnit: string;
  orgUnitName: string;
  team: string;
  service: string;
  serviceLabel: string;
  startDate: string;
  status: InitiativeStatus;
  /** The status in words (« En test »): what a screen shows. */
  statusLabel: string;
  /** Decimals as text: hours as entered, euros to the cent. */
  hours: string;
  euros: string;
  itemsLent: string | null;
  results: string | null;
  metric: string | null;
  metricLabel: string | null;
  updatedAt: string;
}

/** An initiative with its unit, service and metric loaded. */
export const toInitiativeResponse = (row: Initiative): InitiativeResponse => ({
  id: row.id,
  title: row.title,
  orgUnit: row.orgUnit?.code ?? '',
  orgUnitName: row.orgUnit?.name ?? '',
  team: row.team,
  service: row.service?.code ?? '',
  serviceLabel: row.service?.label ?? '',
  startDate: row.startDate,
  status: row.status,
  statusLabel: INITIATIVE_STATUS_LABELS[row.status],
  hours: row.hours.toFixed(),
  euros: row.euros.toFixed(2),
  itemsLent: row.itemsLent,
  results: row.results,
  metric: row.metric?.code ?? null,
  metricLabel: row.metric?.label ?? null,
  updatedAt: row.updatedAt.toISOString(),
});

export interface InitiativesSummaryResponse {
  /** Every status, in the life order, with its word and count (0 included). */
  byStatus: { status: InitiativeStatus; label: string; count: Integer }[];
  count: Integer;
  /** Resources mobilised, summed by PostgreSQL (numeric): hours and euros as decimal text. */
  hours: string;
  euros: string;
}

import type { MetricRow, OrgUnitRow, ServiceRow } from './catalogue.repository';
import type { Scoped } from './unit-visibility';
import { m57FunctionLabel } from './m57-functions';

export interface OrgUnitResponse {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  parentCode: string | null;
  leaf: boolean;
  /** False for an ancestor listed only to draw the tree: outside the user's roles, greyed out in the admin. */
  inScope: boolean;
}
export interface ServiceResponse {
  id: string;
  code: string;
  label: string;
  functionCode: string;
  /** Label of the function code in the M57 functional nomenclature, null when the code is not in it. */
  functionLabel: string | null;
  kind: string;
  granularity: string;
  /** What a reader must know to read the service's figures (shown on the dashboard), or null. */
  note: string | null;
  orgUnits: string[];
}
export interface MetricResponse {
  id: string;
  code: string;
  label: string;
  unit: string;
  aggregation: string;
  minValue: string | null;
  maxValue: string | null;
  integer: boolean;
  system: boolean;
}

export const toOrgUnitResponse = (u: Scoped<OrgUnitRow>): OrgUnitResponse => ({
  id: u.id,
  code: u.code,
  name: u.name,
  parentId: u.parentId,
  parentCode: u.parentCode,
  leaf: u.leaf,
  inScope: u.inScope,
});

export const toServiceResponse = (s: ServiceRow): ServiceResponse => ({
  id: s.id,
  code: s.code,
  label: s.label,
  functionCode: s.functionCode,
  functionLabel: m57FunctionLabel(s.functionCode),
  kind: s.kind,
  granularity: s.granularity,
  note: s.note,
  orgUnits: s.orgUnits,
});

export const toMetricResponse = (m: MetricRow): MetricResponse => ({
  id: m.id,
  code: m.code,
  label: m.label,
  unit: m.unit,
  aggregation: m.aggregation,
  minValue: m.minValue,
  maxValue: m.maxValue,
  integer: m.integer,
  system: m.system,
});

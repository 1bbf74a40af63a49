import type { MetricRow, OrgUnitRow, ServiceRow } from '../../catalogue/catalogue.repository';
import type { FigureCatalogue } from '../parsing/figure-catalogue.types';

/** A tenant's catalogue as the ingestion checks it, with the ids behind the codes. */
export interface IngestionCatalogue {
  catalogue: FigureCatalogue;
  orgUnitIds: ReadonlyMap<string, string>;
  serviceIds: ReadonlyMap<string, string>;
  metricIds: ReadonlyMap<string, string>;
}

const OUTCOME_PREFIX = 'observed.';

/**
 * Catalogue rows → what `validateRows` checks: leaves only, the leaves that run each service, its granularity, and
 * the metrics it may carry (every metric but the `observed.*` ones, plus `observed.<code>` for its own outcomes).
 * `writableUnitIds`, when given, is the submitter's write scope: other units are marked not writable.
 */
export const toIngestionCatalogue = (
  rows: {
    orgUnits: readonly OrgUnitRow[];
    services: readonly ServiceRow[];
    metrics: readonly MetricRow[];
  },
  writableUnitIds?: ReadonlySet<string>,
): IngestionCatalogue => {
  const leaves = new Set(rows.orgUnits.filter((u) => u.leaf).map((u) => u.code));
  const metricCodes = new Set(rows.metrics.map((m) => m.code));
  const common = rows.metrics.filter((m) => !m.code.startsWith(OUTCOME_PREFIX)).map((m) => m.code);
  return {
    catalogue: {
      orgUnits: new Map(
        rows.orgUnits.map((u) => [u.code, { leaf: u.leaf, label: u.name, ...(writableUnitIds && !writableUnitIds.has(u.id) ? { writable: false } : {}) }]),
      ),
      services: new Map(
        rows.services.map((s) => [
          s.code,
          {
            label: s.label,
            granularity: s.granularity,
            orgUnits: new Set(s.orgUnits.filter((code) => leaves.has(code))),
            metrics: new Set([...common, ...s.outcomes.map((o) => `${OUTCOME_PREFIX}${o.code}`).filter((code) => metricCodes.has(code))]),
          },
        ]),
      ),
      metrics: new Map(
        rows.metrics.map((m) => [
          m.code,
          {
            label: m.label,
            unit: m.unit,
            integer: m.integer,
            ...(m.minValue === null ? {} : { min: m.minValue }),
            ...(m.maxValue === null ? {} : { max: m.maxValue }),
          },
        ]),
      ),
    },
    orgUnitIds: new Map(rows.orgUnits.map((u) => [u.code, u.id])),
    serviceIds: new Map(rows.services.map((s) => [s.code, s.id])),
    metricIds: new Map(rows.metrics.map((m) => [m.code, m.id])),
  };
};

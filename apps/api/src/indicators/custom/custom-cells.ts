import { Decimal, evaluateCustomIndicator, MetricLookup } from '@levier/indicators';
import { cellLookup, CompiledCustomIndicator } from './custom-formula';

export interface CellFigure {
  orgUnitId: string;
  serviceId: string;
  service: string;
  period: string;
  metric: string;
  value: Decimal;
}

export interface CustomCell {
  orgUnitId: string;
  serviceId: string;
  period: string;
  lookup: MetricLookup;
}

/**
 * The cells (leaf org unit × service × period) of a custom indicator: those holding at least one figure that one of
 * its references can read (a `#{hours.SAAD}`-only indicator has no cell in other services). Each with its lookup.
 */
export const customCells = (compiled: CompiledCustomIndicator, figures: readonly CellFigure[]): CustomCell[] => {
  const groups = new Map<string, { orgUnitId: string; serviceId: string; service: string; period: string; values: Map<string, Decimal> }>();
  for (const f of figures) {
    const key = `${f.orgUnitId}|${f.serviceId}|${f.period}`;
    let group = groups.get(key);
    if (!group) {
      group = { orgUnitId: f.orgUnitId, serviceId: f.serviceId, service: f.service, period: f.period, values: new Map() };
      groups.set(key, group);
    }
    group.values.set(f.metric, f.value);
  }
  const targets = [...compiled.references.values()];
  return [...groups.values()]
    .filter((g) => targets.some((t) => (t.service === null || t.service === g.service) && g.values.has(t.metric)))
    .map((g) => ({ orgUnitId: g.orgUnitId, serviceId: g.serviceId, period: g.period, lookup: cellLookup(compiled, g.service, g.values) }));
};

/** Numerator and denominator of each cell, for the read model. */
export const evaluateCells = (compiled: CompiledCustomIndicator, cells: readonly CustomCell[]) =>
  cells.map((cell) => {
    const value = evaluateCustomIndicator({ indicator: compiled.indicator, lookup: cell.lookup });
    return { orgUnitId: cell.orgUnitId, serviceId: cell.serviceId, period: cell.period, numerator: value.numerator, denominator: value.denominator };
  });

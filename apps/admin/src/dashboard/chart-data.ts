/**
 * Data shaping for the dashboard's charts. Recharts plots numbers, so decimal strings become numbers
 * here, for drawing only; tables and tooltips keep showing the API's strings.
 */
import { negateDecimal, subtractDecimals } from '../format/decimal-arithmetic';
import { decimalSign } from '../format/decimal-format';
import type { IndicatorSummary, MaybeDecimal, PayerItem, SankeyGraph, SeriesItem } from '@levier/contracts';
import { plotValue } from './series-rows';

export interface PayerRow {
  key: string;
  amount: number | null;
  low: number | null;
  high: number | null;
  raw: { amount: MaybeDecimal; low: MaybeDecimal; high: MaybeDecimal };
}

/** "Qui économise ?": payer items (or the summary's byPayer when the series call is missing), largest first. */
export const toPayerRows = (items: readonly PayerItem[] | null | undefined, summary?: Pick<IndicatorSummary, 'byPayer' | 'ranges'> | null): PayerRow[] => {
  const source: PayerItem[] =
    items && items.length > 0
      ? [...items]
      : Object.entries(summary?.byPayer ?? {}).map(([key, amount]) => ({
          key,
          amount,
          low: summary?.ranges?.low?.byPayer?.[key] ?? null,
          high: summary?.ranges?.high?.byPayer?.[key] ?? null,
        }));
  return source
    .map((p) => ({
      key: p.key,
      amount: plotValue(p.amount),
      low: plotValue(p.low ?? null),
      high: plotValue(p.high ?? null),
      raw: { amount: p.amount ?? null, low: p.low ?? null, high: p.high ?? null },
    }))
    .sort((a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity));
};

export interface LedgerRow {
  key: string;
  /** Plotted to the right: the avoided costs this payer would have borne. */
  avoided: number | null;
  /** Plotted to the left (negated): the cost of services this payer funds. */
  costBorne: number | null;
  net: number | null;
  /** The API's strings, for the table and the tooltips. */
  raw: { avoided: MaybeDecimal; cost: MaybeDecimal; net: MaybeDecimal; low: MaybeDecimal; high: MaybeDecimal };
  negative: boolean;
}

/** True when payer items carry the conventions-2 ledger (cost borne and net). */
export const hasLedger = (items: readonly PayerItem[] | null | undefined): boolean => (items ?? []).some((i) => i.cost !== undefined || i.net !== undefined);

/**
 * « Qui paie, qui économise ? » (conventions 2): one row per payer with avoided costs, cost borne and net, from the
 * payer series or else the summary's ledger. Every payer stays, a negative net included; the net is the API's when
 * given, else avoided − cost on the strings. Largest net first, so the payers who lose money come last but are there.
 */
export const toLedgerRows = (
  items: readonly PayerItem[] | null | undefined,
  summary?: Pick<IndicatorSummary, 'ledger' | 'ranges' | 'byPayer'> | null,
): LedgerRow[] => {
  const source: PayerItem[] = hasLedger(items)
    ? [...(items ?? [])]
    : Object.entries(summary?.ledger ?? {}).map(([key, line]) => ({
        key,
        amount: line.avoided,
        cost: line.cost,
        net: line.net,
        low: summary?.ranges?.low?.byPayer?.[key] ?? null,
        high: summary?.ranges?.high?.byPayer?.[key] ?? null,
      }));
  return source
    .map((p) => {
      const avoided = p.amount ?? null;
      const cost = p.cost ?? null;
      const net = p.net ?? (avoided !== null && cost !== null ? subtractDecimals(avoided, cost) : null);
      return {
        key: p.key,
        avoided: plotValue(avoided),
        costBorne: plotValue(negateDecimal(cost)),
        net: plotValue(net),
        raw: { avoided, cost, net, low: p.low ?? null, high: p.high ?? null },
        negative: decimalSign(net) === -1,
      };
    })
    .sort((a, b) => (b.net ?? -Infinity) - (a.net ?? -Infinity) || a.key.localeCompare(b.key));
};

export interface ServiceRow {
  key: string;
  label: string;
  /** The service's stated reason when it stays negative. */
  note: string | null;
  grossSavings: number | null;
  cost: number | null;
  netSavings: number | null;
  costPerEventAvoided: number | null;
  item: SeriesItem;
}

/** Avoided costs and cost by service, largest avoided costs first; the API's label when it gives one. */
export const toServiceRows = (items: readonly SeriesItem[]): ServiceRow[] =>
  items
    .map((item) => ({
      key: item.key,
      label: item.label && item.label !== item.key ? item.label : item.key,
      note: typeof item.note === 'string' && item.note.trim() !== '' ? item.note.trim() : null,
      grossSavings: plotValue(item.grossSavings),
      cost: plotValue(item.cost),
      netSavings: plotValue(item.netSavings),
      costPerEventAvoided: plotValue(item.costPerEventAvoided ?? null),
      item,
    }))
    .sort((a, b) => (b.grossSavings ?? -Infinity) - (a.grossSavings ?? -Infinity));

export interface SankeyData {
  nodes: Array<{ name: string }>;
  links: Array<{ source: number; target: number; value: number; raw: string }>;
}

/**
 * The API's flows → recharts Sankey input, in two columns (givers, receivers). Links may name their nodes or index
 * them; zero, negative and malformed links are dropped, and so is a flow from a node to itself. `dropped` counts what
 * the table alone shows.
 */
export const toSankeyData = (flows: SankeyGraph | null | undefined): SankeyData & { dropped: number } => {
  const nodes = (flows?.nodes ?? []).map((n) => ({ name: String(n?.name ?? '') }));
  const indexOf = (ref: number | string): number => {
    if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 0 && ref < nodes.length ? ref : -1;
    if (/^\d+$/.test(ref) && Number(ref) < nodes.length) return Number(ref);
    return nodes.findIndex((n) => n.name === ref);
  };
  const candidates = (flows?.links ?? [])
    .map((l) => ({ source: indexOf(l.source), target: indexOf(l.target), value: plotValue(String(l.value)), raw: String(l.value) }))
    .filter((l): l is { source: number; target: number; value: number; raw: string } => l.source >= 0 && l.target >= 0 && l.value !== null && l.value > 0);
  const invalid = (flows?.links?.length ?? 0) - candidates.length;
  // Two columns: who gives on the left, who receives on the right; a unit that does both appears once on each side, so
  // flows in both directions are all drawn and no label sits between two columns. A flow to itself is not drawn.
  const drawn = candidates.filter((l) => l.source !== l.target);
  const column = (refs: number[]) => [...new Set(refs)].sort((a, b) => a - b);
  const left = column(drawn.map((l) => l.source));
  const right = column(drawn.map((l) => l.target));
  return {
    nodes: [...left, ...right].map((i) => nodes[i]),
    links: drawn.map((l) => ({ ...l, source: left.indexOf(l.source), target: left.length + right.indexOf(l.target) })),
    dropped: invalid + candidates.length - drawn.length,
  };
};

export interface Comparison {
  key: 'grossSavings' | 'cost' | 'netSavings' | 'offsetRatio';
  current: MaybeDecimal;
  previous: MaybeDecimal;
  lastYear: MaybeDecimal;
  /** Relative change, for display only (rounded to a tenth of a percent), or null when not meaningful. */
  vsPrevious: number | null;
  vsLastYear: number | null;
}

const change = (current: MaybeDecimal, base: MaybeDecimal | undefined): number | null => {
  const c = plotValue(current);
  const b = plotValue(base ?? null);
  if (c === null || b === null || b === 0) return null;
  return Math.round(((c - b) / Math.abs(b)) * 1000) / 10;
};

/** Headline indicators against the previous period and the same period a year earlier. */
export const toComparisons = (current: IndicatorSummary, previous?: IndicatorSummary | null, lastYear?: IndicatorSummary | null): Comparison[] =>
  (['grossSavings', 'cost', 'netSavings', 'offsetRatio'] as const).map((key) => ({
    key,
    current: current[key] ?? null,
    previous: previous?.[key] ?? null,
    lastYear: lastYear?.[key] ?? null,
    vsPrevious: change(current[key], previous?.[key]),
    vsLastYear: change(current[key], lastYear?.[key]),
  }));

export interface TargetLine {
  indicator: string;
  value: number;
  label: string;
}

/** Indicator targets that apply to a chart's indicators, as horizontal reference lines. */
export const toTargetLines = (targets: ReadonlyArray<Record<string, unknown>> | undefined, indicators: readonly string[]): TargetLine[] =>
  (targets ?? [])
    .map((t) => {
      const indicator = String(t.indicator ?? t.indicatorCode ?? '');
      const value = plotValue(String(t.target ?? t.value ?? t.targetValue ?? ''));
      const label = String(t.label ?? t.name ?? indicator);
      return { indicator, value, label };
    })
    .filter((t): t is TargetLine => indicators.includes(t.indicator) && t.value !== null);

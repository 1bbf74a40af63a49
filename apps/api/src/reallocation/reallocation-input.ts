import {
  computeReallocation,
  Decimal,
  formatMoney,
  formatReallocation,
  parseScenario,
  ReallocationOutput,
  SCENARIO_FORMAT,
  ValidationError,
} from '@levier/indicators';
import { BudgetTransfer } from './budget-transfer.entity';
import { InKindLoan } from './in-kind-loan.entity';
import { Redeployment } from './redeployment.entity';
import { StaffNeed } from './staff-need.entity';
import { ReallocationRefs } from './reallocation.mapper';
import { RealExpenditure, RealExpenditureSource, realExpenditureNote } from './real-expenditure';
import type { Integer } from '@levier/contracts';

export interface ReallocationRecords {
  needs: readonly StaffNeed[];
  redeployments: readonly Redeployment[];
  transfers: readonly BudgetTransfer[];
  loans: readonly InKindLoan[];
}

export interface ReallocationContext {
  headcount: number | null;
  workingDaysPerFte: Decimal;
  fongibiliteLimit: Decimal;
  /** Conventions of the method in force: under 2, a FONGIBILITE transfer inside one chapter is not fongibilité (README 2.7). */
  conventions: 1 | 2;
  /** Real expenditure of the period's whole years (voted budget, else Σ `spend` figures), null for months or without either. */
  realExpenditure: RealExpenditure | null;
  refs: ReallocationRefs;
}

export interface SankeyGraph {
  nodes: { name: string }[];
  links: { source: Integer; target: Integer; value: string }[];
}

export interface ReallocationPayload extends ReallocationOutput {
  /** Sankey graphs: budget moved between M57 functions (euros), staff lent between services or to partners (FTE-days). */
  flows: { budget: SankeyGraph; staff: SankeyGraph };
  counts: { needs: Integer; redeployments: Integer; transfers: Integer; inKindLoans: Integer };
  realExpenditure: string | null;
  /** The organisation's voted fongibilité limit (a share, ≤ 0.075), what the rate is compared with. */
  fongibiliteLimit: string;
  /** Which base the fongibilité rate used: `budget` (voted budget), `spend-proxy` (services' spend), `mixed`, or null. */
  realExpenditureSource: RealExpenditureSource | null;
  /** Years whose base is the services' spend, for want of a voted budget. */
  realExpenditureProxyYears: string[];
  /** The same in a French sentence. */
  realExpenditureNote: string | null;
}

const within = (date: string, range: { start: string; end: string }): boolean => date >= range.start && date <= range.end;

/**
 * The records of a date range: redeployments by start date, needs by request date (plus the needs those
 * redeployments cover, so coverage is complete), transfers by decision date, loans by start date.
 */
export const recordsIn = (all: ReallocationRecords, range: { start: string; end: string }): ReallocationRecords => {
  const redeployments = all.redeployments.filter((r) => within(r.startDate, range));
  const covered = new Set(redeployments.map((r) => r.needId).filter((id): id is string => id !== null));
  return {
    redeployments,
    needs: all.needs.filter((n) => within(n.requestDate, range) || covered.has(n.id)),
    transfers: all.transfers.filter((t) => within(t.decisionDate, range)),
    loans: all.loans.filter((l) => within(l.startDate, range)),
  };
};

const need = (n: StaffNeed) => ({ code: n.code, label: n.label, critical: n.critical, fteDaysRequested: n.fteDaysRequested.toFixed() });
const redeployment = (r: Redeployment, refs: ReallocationRefs) => ({
  agent: r.agentRef,
  ...(r.needId !== null && refs.needs.has(r.needId) ? { need: refs.needs.get(r.needId) } : {}),
  ...(r.fromServiceId !== null && refs.services.has(r.fromServiceId) ? { fromService: refs.services.get(r.fromServiceId) } : {}),
  ...(r.toServiceId !== null && refs.services.has(r.toServiceId) ? { toService: refs.services.get(r.toServiceId) } : {}),
  workingDays: r.workingDays.toFixed(),
  quotite: r.quotite.toFixed(),
  requestDate: r.requestDate,
  startDate: r.startDate,
  volunteer: r.volunteer,
  dailyCost: r.dailyCost?.toFixed() ?? '0',
});
const transfer = (t: BudgetTransfer) => ({
  code: t.code,
  instrument: t.instrument,
  from: { chapter: t.fromChapter, function: t.fromFunction },
  to: { chapter: t.toChapter, function: t.toFunction },
  amount: t.amount.toFixed(),
  date: t.decisionDate,
});
const loan = (l: InKindLoan) => ({
  code: l.code,
  item: l.item,
  toPartner: l.toPartner,
  days: l.days.toFixed(),
  quantity: l.quantity.toFixed(),
  dailyValue: l.dailyValue.toFixed(),
});

/** The `reallocation` block of a `levier-scenario/1` document (vectors README § reallocation). */
export const reallocationBlock = (records: ReallocationRecords, context: ReallocationContext): Record<string, unknown> => ({
  workingDaysPerFte: context.workingDaysPerFte.toFixed(),
  headcount: context.headcount,
  needs: records.needs.map(need),
  redeployments: records.redeployments.map((r) => redeployment(r, context.refs)),
  budget:
    context.realExpenditure === null
      ? null
      : { section: 'FONCTIONNEMENT', realExpenditure: context.realExpenditure.amount.toFixed(), fongibiliteLimit: context.fongibiliteLimit.toFixed() },
  transfers: records.transfers.map(transfer),
  inKindLoans: records.loans.map(loan),
});

/** Parses a block with the engine (its French errors and paths) inside a minimal scenario. */
export const parseBlock = (block: Record<string, unknown>, conventions: 1 | 2 = 1) =>
  parseScenario({ format: SCENARIO_FORMAT, name: 'réallocation', methodology: { baseYear: 2024, conventions }, reallocation: block });

/** Sums links of the same pair both ways into one net link, so the graph has no two-way edges (Sankey needs a DAG). */
const sankey = (flows: readonly { from: string; to: string; value: Decimal }[], format: (value: Decimal) => string): SankeyGraph => {
  const net = new Map<string, { from: string; to: string; value: Decimal }>();
  for (const flow of flows) {
    if (flow.from === flow.to) continue;
    const [a, b] = [flow.from, flow.to].sort();
    const key = `${a}\u0000${b}`;
    const signed = flow.from === a ? flow.value : flow.value.negated();
    const current = net.get(key);
    net.set(key, { from: a, to: b, value: current ? current.value.plus(signed) : signed });
  }
  const nodes: string[] = [];
  const index = (name: string): number => {
    const found = nodes.indexOf(name);
    if (found >= 0) return found;
    nodes.push(name);
    return nodes.length - 1;
  };
  const links = [...net.values()]
    .filter((l) => !l.value.isZero())
    .map((l) => (l.value.isNegative() ? { from: l.to, to: l.from, value: l.value.negated() } : l))
    .map((l) => ({ source: index(l.from), target: index(l.to), value: format(l.value) }));
  return { nodes: nodes.map((name) => ({ name })), links };
};

const budgetNode = (chapter: string, fn: string | null): string => (fn === null ? `Chapitre ${chapter}` : `Fonction ${fn}`);

export const reallocationFlows = (records: ReallocationRecords, refs: ReallocationRefs): ReallocationPayload['flows'] => ({
  budget: sankey(
    records.transfers.map((t) => ({ from: budgetNode(t.fromChapter, t.fromFunction), to: budgetNode(t.toChapter, t.toFunction), value: t.amount })),
    formatMoney,
  ),
  staff: sankey(
    records.redeployments.map((r) => ({
      from: r.fromServiceId === null ? 'Non précisé' : (refs.services.get(r.fromServiceId) ?? 'Non précisé'),
      to: r.toServiceId !== null ? (refs.services.get(r.toServiceId) ?? 'Non précisé') : r.toPartner !== null ? `Partenaire : ${r.toPartner}` : 'Non précisé',
      value: r.workingDays.times(r.quotite),
    })),
    (value) => value.toFixed(),
  ),
});

/** Computes the reallocation output of some records with the engine; errors when the stored records do not parse. */
export const computeReallocationPayload = (
  records: ReallocationRecords,
  context: ReallocationContext,
): { ok: true; payload: ReallocationPayload } | { ok: false; errors: ValidationError[] } => {
  const parsed = parseBlock(reallocationBlock(records, context), context.conventions);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const output = formatReallocation(computeReallocation(parsed.scenario.reallocation!, { conventions: context.conventions }));
  return {
    ok: true,
    payload: {
      ...output,
      flows: reallocationFlows(records, context.refs),
      counts: {
        needs: records.needs.length,
        redeployments: records.redeployments.length,
        transfers: records.transfers.length,
        inKindLoans: records.loans.length,
      },
      realExpenditure: context.realExpenditure === null ? null : formatMoney(context.realExpenditure.amount),
      fongibiliteLimit: context.fongibiliteLimit.toFixed(),
      realExpenditureSource: context.realExpenditure?.source ?? null,
      realExpenditureProxyYears: context.realExpenditure?.proxyYears ?? [],
      realExpenditureNote: context.realExpenditure === null ? null : realExpenditureNote(context.realExpenditure),
    },
  };
};

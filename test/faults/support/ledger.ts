import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { figureAuditEntries } from '../../../apps/api/src/audit/figure-audit';
import { FigureRow, keyOf, sleep } from './workload';
import type { SummaryRecorder } from './summary';

/** What a scenario expects of one accepted submission. */
export interface Expected {
  /** The rows it carries; each key is targeted by this submission only (see KeyAllocator). */
  rows: readonly FigureRow[];
  outcome: 'applied' | 'rejected';
}

export interface LedgerReport {
  unfinished: string[];
  wrongOutcome: { id: string; expected: string; got: string; errors: unknown }[];
  figuresLost: number;
  figuresDoubled: number;
  partialWrites: number;
  chainBreaks: string[];
  appliedCountMismatch: string[];
  strayAudit: number;
}

const eq = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a === b || (a !== null && a !== undefined && b !== null && b !== undefined && new Decimal(a).eq(b));

/** The figures of the whole database by key (owner connection, no tenant context). */
export const figureSnapshot = async (ds: DataSource): Promise<Map<string, { id: string; value: string }>> => {
  const rows = (await ds.query(
    `SELECT f.id, u.code || '|' || s.code || '|' || m.code || '|' || f.period AS key, f.value::text AS value
       FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id`,
  )) as { id: string; key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, { id: r.id, value: r.value }]));
};

export const lastAuditId = async (ds: DataSource): Promise<string> =>
  ((await ds.query(`SELECT COALESCE(max(id), 0)::text AS id FROM audit_log`)) as { id: string }[])[0].id;

/** Waits until every submission is applied or rejected, or the deadline passes; returns the still unfinished ones. */
export const waitFinished = async (ds: DataSource, ids: readonly string[], timeoutMs: number): Promise<string[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await ds.query(`SELECT id FROM submission WHERE id = ANY($1::uuid[]) AND status IN ('received', 'validating')`, [ids])) as { id: string }[];
    if (rows.length === 0 || Date.now() > deadline) return rows.map((r) => r.id);
    await sleep(250);
  }
};

interface AuditRow {
  id: string;
  entityId: string;
  submissionId: string | null;
  before: string | null;
  after: string | null;
}

/**
 * After a fault scenario: every accepted submission ended applied or rejected (as expected) exactly once; the figures
 * hold what the applied submissions say; one audit row per changed figure per applied submission and none for a
 * rejected one; for every figure written since `sinceAuditId`, the audit rows chain (each `before` is the previous
 * `after`, the first `before` is the value before the scenario, the last `after` is the current value).
 */
export const checkLedger = async (
  ds: DataSource,
  expected: ReadonlyMap<string, Expected>,
  baseline: ReadonlyMap<string, { id: string; value: string }>,
  sinceAuditId: string,
  timeoutMs: number,
): Promise<LedgerReport> => {
  const ids = [...expected.keys()];
  const unfinished = await waitFinished(ds, ids, timeoutMs);
  const subs = (await ds.query(
    `SELECT id, status, applied_count AS "appliedCount", row_count AS "rowCount", errors FROM submission WHERE id = ANY($1::uuid[])`,
    [ids],
  )) as { id: string; status: string; appliedCount: number; rowCount: number; errors: unknown }[];
  const byId = new Map(subs.map((s) => [s.id, s]));
  const audits = (await ds.query(
    `SELECT id::text AS id, entity_id AS "entityId", submission_id AS "submissionId", before->>'value' AS before, after->>'value' AS after
       FROM (${figureAuditEntries({ organisation: null, onlyFigures: true })}) a
      WHERE a.seq > $1 AND action = 'figure.upsert' ORDER BY a.seq, a.ord`,
    [sinceAuditId],
  )) as AuditRow[];
  const now = await figureSnapshot(ds);
  const report: LedgerReport = {
    unfinished,
    wrongOutcome: [],
    figuresLost: 0,
    figuresDoubled: 0,
    partialWrites: 0,
    chainBreaks: [],
    appliedCountMismatch: [],
    strayAudit: 0,
  };

  const auditBySubmission = new Map<string, AuditRow[]>();
  for (const a of audits) if (a.submissionId) auditBySubmission.set(a.submissionId, [...(auditBySubmission.get(a.submissionId) ?? []), a]);

  for (const [id, exp] of expected) {
    const sub = byId.get(id);
    const written = auditBySubmission.get(id) ?? [];
    const perFigure = new Map<string, number>();
    for (const a of written) perFigure.set(a.entityId, (perFigure.get(a.entityId) ?? 0) + 1);
    for (const n of perFigure.values()) if (n > 1) report.figuresDoubled += n - 1;
    if (!sub || sub.status === 'received' || sub.status === 'validating') {
      if (exp.outcome === 'applied') report.figuresLost += exp.rows.length;
      continue;
    }
    if (sub.status !== exp.outcome) report.wrongOutcome.push({ id, expected: exp.outcome, got: sub.status, errors: sub.errors });
    if (sub.status === 'rejected') {
      if (written.length > 0) report.partialWrites += written.length;
      if (exp.outcome === 'applied') report.figuresLost += exp.rows.length;
      continue;
    }
    if (sub.appliedCount !== exp.rows.length) report.appliedCountMismatch.push(`${id}: applied_count ${sub.appliedCount}, ${exp.rows.length} lignes`);
    for (const row of exp.rows) {
      const fig = now.get(keyOf(row));
      if (!fig || !eq(fig.value, row.value)) report.figuresLost += 1;
    }
  }

  // the audit chain of every figure written during the scenario
  const byFigure = new Map<string, AuditRow[]>();
  for (const a of audits) byFigure.set(a.entityId, [...(byFigure.get(a.entityId) ?? []), a]);
  const initialById = new Map([...baseline.values()].map((f) => [f.id, f.value]));
  const currentById = new Map([...now.values()].map((f) => [f.id, f.value]));
  for (const [figureId, chain] of byFigure) {
    let previous: string | null = initialById.get(figureId) ?? null;
    chain.forEach((a, i) => {
      if (!eq(a.before, previous)) report.chainBreaks.push(`${figureId} #${i}: avant ${a.before ?? 'NULL'}, attendu ${previous ?? 'NULL'}`);
      previous = a.after;
    });
    if (!eq(previous, currentById.get(figureId) ?? null))
      report.chainBreaks.push(`${figureId}: dernier après ${previous}, valeur ${currentById.get(figureId)}`);
    if (chain.some((a) => a.submissionId && !expected.has(a.submissionId)))
      report.strayAudit += chain.filter((a) => a.submissionId && !expected.has(a.submissionId)).length;
  }
  return report;
};

/** Adds a ledger report to the summary and returns a one-line verdict for assertions. */
export const recordLedger = (summary: SummaryRecorder, report: LedgerReport): void => {
  summary.add('figuresLost', report.figuresLost);
  summary.add('figuresDoubled', report.figuresDoubled);
  summary.add('partialWrites', report.partialWrites);
  summary.add('auditChainBreaks', report.chainBreaks.length);
  if (report.unfinished.length) summary.note(`${report.unfinished.length} soumission(s) non terminée(s) à l’échéance`);
  if (report.wrongOutcome.length) summary.note(`issues inattendues : ${JSON.stringify(report.wrongOutcome.slice(0, 3))}`);
  if (report.chainBreaks.length) summary.note(`chaîne d’audit rompue : ${report.chainBreaks.slice(0, 3).join(' ; ')}`);
};

export const expectCleanLedger = (report: LedgerReport): void => {
  expect({
    unfinished: report.unfinished,
    wrongOutcome: report.wrongOutcome,
    figuresLost: report.figuresLost,
    figuresDoubled: report.figuresDoubled,
    partialWrites: report.partialWrites,
    chainBreaks: report.chainBreaks.slice(0, 10),
    appliedCountMismatch: report.appliedCountMismatch.slice(0, 10),
  }).toEqual({ unfinished: [], wrongOutcome: [], figuresLost: 0, figuresDoubled: 0, partialWrites: 0, chainBreaks: [], appliedCountMismatch: [] });
};

import { ALL_PAYERS, Decimal, RangeCase, roundHalfUp } from '@levier/indicators';
import { DataSource } from 'typeorm';
import { PAYER_ORDER, SCENARIO_ORDER } from '../../apps/api/src/indicators/savings/unit-responses';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { computeReadModelWithEngine, OracleCell } from './recompute-oracle';

/** The stored read model against the oracle (recompute-oracle.ts): shared by the recompute tests and the fault tests. */

export interface StoredRow {
  org_unit_id: string;
  service_id: string | null;
  period: string;
  events_net: string[];
  gross_savings: string[];
  cashable: string[];
  non_cashable: string[];
  by_payer: (string | null)[];
  stream: string[];
  cost: string;
  spend: string;
  beneficiaries: string | null;
  conventions: number;
  cost_by_payer: (string | null)[] | null;
  events_by_outcome: Record<string, [string, string, string]> | null;
}

/** The stored current-basis read model of an organisation. */
export const readModel = (ds: DataSource, organisationId: string): Promise<StoredRow[]> =>
  new TenantDb(ds).run(organisationId, (em) =>
    em.query(
      `SELECT org_unit_id, service_id, period, events_net::text[], gross_savings::text[], cashable::text[], non_cashable::text[], by_payer::text[], stream::text[],
              cost::text, spend::text, beneficiaries::text, conventions, cost_by_payer::text[], events_by_outcome
         FROM indicator_value WHERE organisation_id = $1 AND basis = 'current'`,
      [organisationId],
    ),
  );

/** The read model as the per-leaf engine path (the oracle) computes it from the stored figures. */
export const oracle = (ds: DataSource, organisationId: string): Promise<OracleCell[]> =>
  new TenantDb(ds).run(organisationId, (em) => computeReadModelWithEngine(em, organisationId));

const round6 = (value: Decimal | string): string => roundHalfUp({ value: new Decimal(value), decimals: 6 });

/**
 * Every stored current row against the per-leaf engine path: same rows, money and events within 1e-9, payers and
 * streams equal at 6 decimals. The differences found, in words (none when the read model is the oracle's).
 */
export const readModelProblems = (rows: readonly StoredRow[], cells: readonly OracleCell[]): string[] => {
  const expected = new Map(cells.map((c) => [`${c.orgUnitId}|${c.serviceId}|${c.period}|${c.scenario}`, c]));
  const problems: string[] = [];
  if (rows.length * SCENARIO_ORDER.length !== expected.size)
    problems.push(`${rows.length} lignes × ${SCENARIO_ORDER.length} cas enregistrées, ${expected.size} cellules attendues par l'oracle`);
  const close = (what: string, actual: string, wanted: Decimal) => {
    if (new Decimal(actual).minus(wanted).abs().greaterThan('1e-9')) problems.push(`${what}: ${actual} ≠ ${wanted.toFixed()}`);
  };
  for (const row of rows) {
    SCENARIO_ORDER.forEach((scenario: RangeCase, i) => {
      const key = `${row.org_unit_id}|${row.service_id}|${row.period}|${scenario}`;
      const want = expected.get(key);
      if (want === undefined) return void problems.push(`${key}: absent de l'oracle`);
      const { cell } = want;
      close(`${key} eventsNet`, row.events_net[i], cell.eventsNet);
      close(`${key} grossSavings`, row.gross_savings[i], cell.grossSavings);
      close(`${key} cashable`, row.cashable[i], cell.cashable);
      close(`${key} nonCashable`, row.non_cashable[i], cell.nonCashable);
      close(`${key} cost`, row.cost, cell.cost);
      close(`${key} spend`, row.spend, cell.spend);
      if ((row.beneficiaries === null) !== (want.beneficiaries === null) || (want.beneficiaries !== null && !want.beneficiaries.equals(row.beneficiaries!)))
        problems.push(`${key} beneficiaries: ${row.beneficiaries} ≠ ${want.beneficiaries?.toFixed()}`);
      const payers = Object.fromEntries(
        PAYER_ORDER.flatMap((p, j) => {
          const amount = row.by_payer[i * PAYER_ORDER.length + j];
          return amount === null ? [] : [[p, round6(amount)]];
        }),
      );
      const wantPayers = Object.fromEntries(ALL_PAYERS.flatMap((p) => (cell.byPayer[p] === undefined ? [] : [[p, round6(cell.byPayer[p]!)]])));
      if (JSON.stringify(payers) !== JSON.stringify(wantPayers)) problems.push(`${key} byPayer: ${JSON.stringify(payers)} ≠ ${JSON.stringify(wantPayers)}`);
      // conventions 2: the cost by funder and the events by kind, as the engine gives them
      const v2 = cell.costByPayer !== undefined;
      if (row.conventions !== (v2 ? 2 : 1)) problems.push(`${key} conventions: ${row.conventions}`);
      const costs =
        row.cost_by_payer === null
          ? null
          : Object.fromEntries(PAYER_ORDER.flatMap((p, j) => (row.cost_by_payer![j] === null ? [] : [[p, round6(row.cost_by_payer![j]!)]])));
      const wantCosts = v2
        ? Object.fromEntries(ALL_PAYERS.flatMap((p) => (cell.costByPayer![p] === undefined ? [] : [[p, round6(cell.costByPayer![p]!)]])))
        : null;
      if (JSON.stringify(costs) !== JSON.stringify(wantCosts)) problems.push(`${key} costByPayer: ${JSON.stringify(costs)} ≠ ${JSON.stringify(wantCosts)}`);
      const events =
        row.events_by_outcome === null
          ? null
          : Object.fromEntries(
              Object.entries(row.events_by_outcome)
                .map(([code, v]) => [code, round6(String(v[i]))])
                .sort(),
            );
      const wantEvents = v2
        ? Object.fromEntries(
            Object.entries(cell.eventsByOutcome!)
              .map(([code, v]) => [code, round6(v)])
              .sort(),
          )
        : null;
      if (JSON.stringify(events) !== JSON.stringify(wantEvents))
        problems.push(`${key} eventsByOutcome: ${JSON.stringify(events)} ≠ ${JSON.stringify(wantEvents)}`);
      const n = row.stream.length / SCENARIO_ORDER.length;
      const stream = row.stream.slice(i * n, (i + 1) * n).map(round6);
      const wantStream = cell.valueStream.map(round6);
      if (JSON.stringify(stream) !== JSON.stringify(wantStream)) problems.push(`${key} stream: ${JSON.stringify(stream)} ≠ ${JSON.stringify(wantStream)}`);
    });
  }
  return problems;
};

/** readModelProblems as an assertion; returns the number of rows compared. */
export const expectSameAsEngine = (rows: readonly StoredRow[], cells: readonly OracleCell[]): number => {
  expect(readModelProblems(rows, cells).slice(0, 20)).toEqual([]);
  return rows.length;
};

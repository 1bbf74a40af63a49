import { Injectable } from '@nestjs/common';
import { Decimal, Payer, SavingsCell } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import type { IndicatorBasis, IndicatorScenario } from './indicator-value.entity';

export interface ReadScope {
  organisationId: string;
  orgUnitIds: readonly string[];
  /** Inclusive calendar bounds `YYYY-MM-DD`: a stored period counts when it lies wholly inside. */
  start: string;
  end: string;
  serviceIds?: readonly string[];
  basis: IndicatorBasis;
}

export type SeriesGroup = 'period' | 'service' | 'payer';
export type Bucket = 'month' | 'quarter' | 'year';

export interface CellRow {
  scenario: IndicatorScenario;
  key: string;
  cell: SavingsCell;
}

const BUCKET_SQL: Record<Bucket, string> = {
  month: `to_char(v.period_start, 'YYYY-MM')`,
  quarter: `to_char(v.period_start, 'YYYY') || '-Q' || to_char(v.period_start, 'Q')`,
  year: `to_char(v.period_start, 'YYYY')`,
};

/**
 * Set-based reads of the read model: additive columns summed in PostgreSQL, payer maps and undiscounted streams
 * summed element-wise, ratios left to the engine's `aggregate` (ratios of sums, never averages).
 * "As reported" takes an approved period's frozen rows and the current rows everywhere else.
 */
@Injectable()
export class IndicatorReadRepository {
  private rowsCte(scope: ReadScope): { sql: string; params: unknown[] } {
    const params: unknown[] = [scope.organisationId, scope.orgUnitIds, scope.start, scope.end, scope.serviceIds ?? [], scope.basis];
    const filter = `organisation_id = $1 AND org_unit_id = ANY($2::uuid[]) AND period_start >= $3::date AND period_end <= $4::date
                    AND (cardinality($5::uuid[]) = 0 OR service_id = ANY($5::uuid[]))`;
    const sql = `v AS (
        SELECT c.* FROM indicator_value c
         WHERE c.basis = 'current' AND ${filter.replace(/(organisation_id|org_unit_id|period_start|period_end|service_id)/g, 'c.$1')}
           AND ($6 = 'current' OR NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.basis = 'reported' AND r.org_unit_id = c.org_unit_id
                                                AND r.service_id = c.service_id AND r.period = c.period AND r.scenario = c.scenario))
        UNION ALL
        SELECT r.* FROM indicator_value r WHERE $6 = 'reported' AND r.basis = 'reported' AND ${filter.replace(/(organisation_id|org_unit_id|period_start|period_end|service_id)/g, 'r.$1')}
      )`;
    return { sql, params };
  }

  /** Sums per scenario and group key (`*` when not grouped). */
  async cells(em: EntityManager, scope: ReadScope, group: { by: 'none' } | { by: 'period'; bucket: Bucket } | { by: 'service' }): Promise<CellRow[]> {
    const { sql, params } = this.rowsCte(scope);
    const key = group.by === 'none' ? `'*'` : group.by === 'service' ? `v.service_id::text` : BUCKET_SQL[group.bucket];
    const base = `WITH ${sql}, g AS (SELECT v.*, ${key} AS k FROM v v)`;
    const sums = (await em.query(
      `${base} SELECT scenario, k, sum(events_net) AS events_net, sum(gross_savings) AS gross_savings, sum(cost) AS cost, sum(spend) AS spend,
                        sum(cashable) AS cashable, sum(non_cashable) AS non_cashable
                   FROM g GROUP BY scenario, k`,
      params,
    )) as {
      scenario: IndicatorScenario;
      k: string;
      events_net: string;
      gross_savings: string;
      cost: string;
      spend: string;
      cashable: string;
      non_cashable: string;
    }[];
    const payers = (await em.query(
      `${base} SELECT scenario, k, p.key AS payer, sum(p.value::numeric) AS amount FROM g, jsonb_each_text(g.by_payer) p GROUP BY scenario, k, p.key`,
      params,
    )) as { scenario: IndicatorScenario; k: string; payer: Payer; amount: string }[];
    const streams = (await em.query(
      `${base} SELECT scenario, k, s.ord::int AS ord, sum(s.x::numeric) AS amount FROM g, jsonb_array_elements_text(g.stream) WITH ORDINALITY s(x, ord)
                  GROUP BY scenario, k, s.ord ORDER BY s.ord`,
      params,
    )) as { scenario: IndicatorScenario; k: string; ord: number; amount: string }[];
    return sums.map((s) => {
      const mine = <T extends { scenario: string; k: string }>(r: T) => r.scenario === s.scenario && r.k === s.k;
      return {
        scenario: s.scenario,
        key: s.k,
        cell: {
          eventsNet: new Decimal(s.events_net),
          grossSavings: new Decimal(s.gross_savings),
          cost: new Decimal(s.cost),
          spend: new Decimal(s.spend),
          cashable: new Decimal(s.cashable),
          nonCashable: new Decimal(s.non_cashable),
          byPayer: Object.fromEntries(payers.filter(mine).map((p) => [p.payer, new Decimal(p.amount)])),
          valueStream: streams
            .filter(mine)
            .sort((a, b) => a.ord - b.ord)
            .map((r) => new Decimal(r.amount)),
        },
      };
    });
  }

  /** Freshness of the scope: when its values were computed, from data as of when, under which methodology version. */
  async freshness(em: EntityManager, scope: ReadScope): Promise<{ computedAt: Date | null; dataAsOf: Date | null; methodologyVersionIds: string[] }> {
    const { sql, params } = this.rowsCte(scope);
    const [row] = await em.query(
      `WITH ${sql} SELECT max(computed_at) AS computed_at, max(data_as_of) AS data_as_of, array_remove(array_agg(DISTINCT methodology_version_id), NULL) AS versions FROM v`,
      params,
    );
    return { computedAt: row.computed_at, dataAsOf: row.data_as_of, methodologyVersionIds: row.versions ?? [] };
  }

  /** Largest number of beneficiaries of any single period of the scope (for small-number masking), null if unknown. */
  async peakBeneficiaries(em: EntityManager, scope: ReadScope): Promise<Decimal | null> {
    const { sql, params } = this.rowsCte(scope);
    const [row] = await em.query(
      `WITH ${sql} SELECT max(total) AS peak FROM (SELECT period, sum(beneficiaries) AS total FROM v WHERE scenario = 'central' AND beneficiaries IS NOT NULL GROUP BY period) t`,
      params,
    );
    return row.peak === null ? null : new Decimal(row.peak);
  }
}

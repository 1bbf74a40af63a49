import { BadRequestException, Injectable } from '@nestjs/common';
import { d } from '@levier/indicators';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { periodBounds } from '../shared/period-bounds';
import { ReallocationQuery } from '../../reallocation/dto/reallocation.dto';
import { computeReallocationPayload, recordsIn } from '../../reallocation/reallocation-input';
import { ReallocationRepository } from '../../reallocation/reallocation.repository';
import { ReallocationValuesRepository, StoredReallocation } from './reallocation-values.repository';
import { realExpenditureNote, realExpenditureOf } from '../../reallocation/real-expenditure';
import { ReallocationComputeError } from './reallocation-recompute.service';
import { m57FunctionLabels } from '../../catalogue/m57-functions';

/** M57 labels of every function code the response carries (net flows by function), null for a code outside the nomenclature. */
const functionLabelsOf = (payload: { netFlowByFunction: Readonly<Record<string, string>> }): Record<string, string | null> =>
  m57FunctionLabels(Object.keys(payload.netFlowByFunction));

/** A row stored before budget records existed carries no source: its base was always the year's spend (until the next recompute). */
const withSource = ({ period, payload }: StoredReallocation): StoredReallocation['payload'] => {
  if (payload.realExpenditureSource !== undefined) return payload;
  const proxy =
    payload.realExpenditure === null ? null : { amount: d(payload.realExpenditure), source: 'spend-proxy' as const, budgetYears: [], proxyYears: [period] };
  return {
    ...payload,
    realExpenditureSource: proxy?.source ?? null,
    realExpenditureProxyYears: proxy?.proxyYears ?? [],
    realExpenditureNote: proxy === null ? null : realExpenditureNote(proxy),
  };
};

/**
 * `GET /api/indicators/reallocation`: one stored period (`from` alone or `from` = `to`) is read from the read model;
 * a longer range is computed from the records at request time (medians and coverages do not add up across periods),
 * with the real expenditure of its whole years (each year's voted budget, else its Σ spend figures: `realExpenditureSource`
 * says which). `series` lists the stored periods of the range, for charts.
 */
@Injectable()
export class ReallocationReadService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: ReallocationRepository,
    private readonly values: ReallocationValuesRepository = new ReallocationValuesRepository(),
  ) {}

  read(user: AuthUser, query: ReallocationQuery) {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const stored = await this.values.stored(em, organisationId);
      const latestYear = [...stored].reverse().find((s) => s.period.length === 4)?.period ?? null;
      const from = query.from ?? query.to ?? latestYear;
      const to = query.to ?? from;
      if (from !== null && to !== null && periodBounds(from).start > periodBounds(to).end) throw new BadRequestException('from doit précéder to.');
      const range = from === null || to === null ? null : { start: periodBounds(from).start, end: periodBounds(to).end };
      const inRange = stored.filter((s) => range !== null && periodBounds(s.period).start >= range.start && periodBounds(s.period).end <= range.end);
      const granularity = from !== null && from.length === 7 ? 7 : 4;
      const series = inRange
        .filter((s) => s.period.length === granularity)
        .map((s) => ({
          period: s.period,
          fteDays: s.payload.fteDays,
          value: s.payload.value,
          criticalCoverage: s.payload.criticalCoverage,
          fongibiliteVolume: s.payload.fongibiliteVolume,
          inKindValue: s.payload.inKindValue,
        }));
      const single = from !== null && from === to ? stored.find((s) => s.period === from) : undefined;
      if (single) {
        const payload = withSource(single);
        return { from, to, source: 'read-model' as const, computedAt: single.computedAt, ...payload, functionLabels: functionLabelsOf(payload), series };
      }

      const records = await this.repository.records(em, organisationId);
      const refs = await this.repository.refs(em, organisationId);
      const organisation = await this.repository.organisation(em, organisationId);
      const spend = await this.repository.spendByYear(em, organisationId);
      const budgets = await this.repository.budgetByYear(em, organisationId);
      const wholeYears = from !== null && to !== null && from.length === 4 && to.length === 4;
      const years = wholeYears ? [...spend.keys(), ...budgets.keys()].filter((y) => y >= from && y <= to) : [];
      const realExpenditure = realExpenditureOf({ years, budgets, spend });
      const result = computeReallocationPayload(range === null ? { needs: [], redeployments: [], transfers: [], loans: [] } : recordsIn(records, range), {
        ...organisation,
        realExpenditure,
        refs,
      });
      if (!result.ok) throw new ReallocationComputeError(result.errors.map((e) => `${e.path} : ${e.message}`));
      return { from, to, source: 'live' as const, computedAt: new Date(), ...result.payload, functionLabels: functionLabelsOf(result.payload), series };
    });
  }
}

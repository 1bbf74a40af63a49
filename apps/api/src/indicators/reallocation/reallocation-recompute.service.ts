import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '../../platform/database/tenant-db';
import { periodBounds } from '../shared/period-bounds';
import { computeReallocationPayload, ReallocationPayload, recordsIn } from '../../reallocation/reallocation-input';
import { ReallocationRepository } from '../../reallocation/reallocation.repository';
import { realExpenditureOf } from '../../reallocation/real-expenditure';
import { ReallocationValuesRepository } from './reallocation-values.repository';

export class ReallocationComputeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Calcul de la réallocation impossible : ${problems.join(' ; ')}`);
    this.name = 'ReallocationComputeError';
  }
}

/**
 * Worker side: recomputes `reallocation_value` of one organisation, one row per year (`YYYY`, with the year's real
 * expenditure for the fongibilité rate: the voted budget's, else Σ spend figures as a proxy) and per month (`YYYY-MM`,
 * without budget) that holds a record. Whole organisation at once: the records are few, and rows of years left without records disappear.
 */
@Injectable()
export class ReallocationRecomputeService {
  private readonly logger = new Logger(ReallocationRecomputeService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: ReallocationRepository,
    private readonly values: ReallocationValuesRepository = new ReallocationValuesRepository(),
  ) {}

  recompute(organisationId: string, now: Date = new Date()): Promise<{ rows: number }> {
    return this.tenantDb.run(organisationId, async (em) => {
      await this.values.lock(em, organisationId);
      const records = await this.repository.records(em, organisationId);
      const refs = await this.repository.refs(em, organisationId);
      const organisation = await this.repository.organisation(em, organisationId);
      const spend = await this.repository.spendByYear(em, organisationId);
      const budgets = await this.repository.budgetByYear(em, organisationId);
      const dates = [
        ...records.redeployments.map((r) => r.startDate),
        ...records.needs.map((n) => n.requestDate),
        ...records.transfers.map((t) => t.decisionDate),
        ...records.loans.map((l) => l.startDate),
      ];
      const periods = [...new Set(dates.flatMap((date) => [date.slice(0, 4), date.slice(0, 7)]))].sort();
      const rows: { period: string; payload: ReallocationPayload }[] = [];
      for (const period of periods) {
        const yearly = period.length === 4;
        const result = computeReallocationPayload(recordsIn(records, periodBounds(period)), {
          ...organisation,
          realExpenditure: yearly ? realExpenditureOf({ years: [period], budgets, spend }) : null,
          refs,
        });
        if (!result.ok) throw new ReallocationComputeError(result.errors.map((e) => `${period} ${e.path} : ${e.message}`));
        rows.push({ period, payload: result.payload });
      }
      await this.values.replace(em, organisationId, rows, now);
      this.logger.log(`Réallocation recalculée : ${rows.length} périodes`);
      return { rows: rows.length };
    });
  }
}

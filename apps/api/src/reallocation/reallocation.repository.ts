import { Injectable } from '@nestjs/common';
import { d, Decimal } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { versionInForce } from '../methodology/version-in-force';
import { Organisation } from '../tenancy/organisation.entity';
import { BudgetTransfer } from './budget-transfer.entity';
import { InKindLoan } from './in-kind-loan.entity';
import { Redeployment } from './redeployment.entity';
import { StaffNeed } from './staff-need.entity';
import { ReallocationRefs } from './reallocation.mapper';
import { ReallocationRecords } from './reallocation-input';

/** Queries of the reallocation records and of the organisation's parameters, spend and budgets (the read model's are in indicators/reallocation/). */
@Injectable()
export class ReallocationRepository {
  async refs(em: EntityManager, organisationId: string): Promise<ReallocationRefs> {
    const rows = async (table: string) =>
      (await em.query(`SELECT id, code FROM ${table} WHERE organisation_id = $1`, [organisationId])) as { id: string; code: string }[];
    const services = await rows('service');
    const orgUnits = await rows('org_unit');
    const needs = await rows('staff_need');
    const map = (rows: { id: string; code: string }[]) => new Map(rows.map((r) => [r.id, r.code]));
    return { services: map(services), orgUnits: map(orgUnits), needs: map(needs) };
  }

  async records(em: EntityManager, organisationId: string): Promise<ReallocationRecords> {
    const needs = await em.find(StaffNeed, { where: { organisationId }, order: { requestDate: 'ASC', code: 'ASC' } });
    const redeployments = await em.find(Redeployment, { where: { organisationId }, order: { startDate: 'ASC', agentRef: 'ASC' } });
    const transfers = await em.find(BudgetTransfer, { where: { organisationId }, order: { decisionDate: 'ASC', code: 'ASC' } });
    const loans = await em.find(InKindLoan, { where: { organisationId }, order: { startDate: 'ASC', code: 'ASC' } });
    return { needs, redeployments, transfers, loans };
  }

  /** The organisation's settings, and the conventions of the method in force today (2 moves fongibilité between chapters only). */
  async organisation(
    em: EntityManager,
    organisationId: string,
  ): Promise<{ headcount: number | null; workingDaysPerFte: Decimal; fongibiliteLimit: Decimal; conventions: 1 | 2 }> {
    const org = await em.findOneOrFail(Organisation, { where: { id: organisationId } });
    const versions: { version: number; effectiveFrom: string; conventions: number | null }[] = await em.query(
      `SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", (parameters ->> 'conventions')::int AS conventions
         FROM methodology_version WHERE organisation_id = $1`,
      [organisationId],
    );
    return {
      headcount: org.headcount,
      workingDaysPerFte: d(org.workingDaysPerFte.toFixed()),
      fongibiliteLimit: d(org.fongibiliteLimit.toFixed()),
      conventions: versionInForce(versions, new Date())?.conventions === 2 ? 2 : 1,
    };
  }

  /** Σ `spend` figures per calendar year (figures live at leaf units, so nothing is counted twice). */
  async spendByYear(em: EntityManager, organisationId: string): Promise<Map<string, Decimal>> {
    const rows = (await em.query(
      `SELECT substr(f.period, 1, 4) AS year, sum(f.value)::text AS total
         FROM figure f JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND m.code = 'spend'
        GROUP BY 1`,
      [organisationId],
    )) as { year: string; total: string }[];
    return new Map(rows.map((r) => [r.year, d(r.total)]));
  }

  /** Real operating expenditure per year from the organisation's voted budget records (`budget_year`, section FONCTIONNEMENT). */
  async budgetByYear(em: EntityManager, organisationId: string): Promise<Map<string, Decimal>> {
    const rows = (await em.query(
      `SELECT year::text AS year, real_expenditure::text AS amount FROM budget_year WHERE organisation_id = $1 AND section = 'FONCTIONNEMENT'`,
      [organisationId],
    )) as { year: string; amount: string }[];
    return new Map(rows.map((r) => [r.year, d(r.amount)]));
  }
}

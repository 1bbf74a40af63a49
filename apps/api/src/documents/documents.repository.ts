import { Injectable } from '@nestjs/common';
import type { ParameterLabels } from '../indicators/savings/parameter-labels';
import { EntityManager } from 'typeorm';
import type { BudgetTransferResponse, InKindLoanResponse } from '../reallocation/reallocation.mapper';

/** A budget transfer as the documents read it: the API's record without its id (decimals as strings). */
export type TransferRow = Omit<BudgetTransferResponse, 'id'>;

/** An in-kind loan as the documents read it: the API's record without its id (decimals as strings). */
export type LoanRow = Omit<InKindLoanResponse, 'id'>;

export interface ServiceRow {
  code: string;
  label: string;
  kind: string;
  functionCode: string | null;
  note: string | null;
  granularity: string;
}

/** Read-only queries of the documents (inside a TenantDb transaction: row-level security applies). */
@Injectable()
export class DocumentsRepository {
  async organisation(em: EntityManager, organisationId: string): Promise<{ name: string; fongibiliteLimit: string; budgetFramework: string }> {
    const rows: { name: string; limit: string; framework: string }[] = await em.query(
      `SELECT name, fongibilite_limit::text AS limit, budget_framework AS framework FROM organisation WHERE id = $1`,
      [organisationId],
    );
    return { name: rows[0]?.name ?? '', fongibiliteLimit: rows[0]?.limit ?? '0.075', budgetFramework: rows[0]?.framework ?? 'M57' };
  }

  /** Budget transfers decided in a calendar year, by date then code. */
  transfers(em: EntityManager, organisationId: string, year: number): Promise<TransferRow[]> {
    return em.query(
      `SELECT code, instrument, section, from_chapter AS "fromChapter", from_function AS "fromFunction", to_chapter AS "toChapter",
              to_function AS "toFunction", amount::text AS amount, to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate"
         FROM budget_transfer
        WHERE organisation_id = $1 AND decision_date >= make_date($2, 1, 1) AND decision_date < make_date($2 + 1, 1, 1)
        ORDER BY decision_date, code`,
      [organisationId, year],
    ) as Promise<TransferRow[]>;
  }

  /** In-kind loans starting in a calendar year, by partner then date then code. */
  loans(em: EntityManager, organisationId: string, year: number): Promise<LoanRow[]> {
    return em.query(
      `SELECT code, item, to_partner AS "toPartner", days::text AS days, quantity::text AS quantity, daily_value::text AS "dailyValue",
              to_char(start_date, 'YYYY-MM-DD') AS "startDate"
         FROM in_kind_loan
        WHERE organisation_id = $1 AND start_date >= make_date($2, 1, 1) AND start_date < make_date($2 + 1, 1, 1)
        ORDER BY to_partner, start_date, code`,
      [organisationId, year],
    ) as Promise<LoanRow[]>;
  }

  /** The voted budget of a year (section FONCTIONNEMENT) with its source, or null. */
  async budgetYear(em: EntityManager, organisationId: string, year: number): Promise<{ realExpenditure: string; source: string | null } | null> {
    const rows: { amount: string; source: string | null }[] = await em.query(
      `SELECT real_expenditure::text AS amount, source FROM budget_year WHERE organisation_id = $1 AND year = $2 AND section = 'FONCTIONNEMENT'`,
      [organisationId, year],
    );
    return rows[0] ? { realExpenditure: rows[0].amount, source: rows[0].source } : null;
  }

  /** Σ `spend` figures of a year (the proxy base of the fongibilité rate when no budget is recorded), null when none. */
  async spendOfYear(em: EntityManager, organisationId: string, year: number): Promise<string | null> {
    const rows: { total: string | null }[] = await em.query(
      `SELECT sum(f.value)::text AS total FROM figure f JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND m.code = 'spend' AND substr(f.period, 1, 4) = $2`,
      [organisationId, String(year)],
    );
    return rows[0]?.total ?? null;
  }

  /** Last audited write to some kinds of record (their data freshness), null when none was audited. */
  async lastWrite(em: EntityManager, organisationId: string, entities: readonly string[]): Promise<Date | null> {
    const rows: { at: Date | null }[] = await em.query(`SELECT max(at) AS at FROM audit_log WHERE organisation_id = $1 AND entity = ANY($2::text[])`, [
      organisationId,
      [...entities],
    ]);
    return rows[0]?.at ?? null;
  }

  /** When the reallocation read model of a year was computed, null when it has no row. */
  async reallocationComputedAt(em: EntityManager, organisationId: string, year: number): Promise<Date | null> {
    const rows: { at: Date }[] = await em.query(`SELECT computed_at AS at FROM reallocation_value WHERE organisation_id = $1 AND period = $2`, [
      organisationId,
      String(year),
    ]);
    return rows[0]?.at ?? null;
  }

  services(em: EntityManager, organisationId: string): Promise<ServiceRow[]> {
    return em.query(`SELECT code, label, kind, function_code AS "functionCode", note, granularity FROM service WHERE organisation_id = $1 ORDER BY code`, [
      organisationId,
    ]) as Promise<ServiceRow[]>;
  }

  /** Labels of the sensitivity's parameters: services, outcomes by `<service>/<outcome>`, unit costs (see `parameterLabel`). */
  async parameterLabels(em: EntityManager, organisationId: string): Promise<ParameterLabels> {
    const services: { code: string; label: string }[] = await em.query(`SELECT code, label FROM service WHERE organisation_id = $1`, [organisationId]);
    const outcomes: { service: string; code: string; label: string }[] = await em.query(
      `SELECT s.code AS service, a.code, a.label FROM outcome_assumption a JOIN service s ON s.id = a.service_id WHERE a.organisation_id = $1`,
      [organisationId],
    );
    const unitCosts: { code: string; label: string }[] = await em.query(`SELECT code, label FROM unit_cost WHERE organisation_id = $1`, [organisationId]);
    return {
      services: new Map(services.map((r) => [r.code, r.label])),
      outcomes: new Map(outcomes.map((r) => [`${r.service}/${r.code}`, r.label])),
      unitCosts: new Map(unitCosts.map((r) => [r.code, r.label])),
    };
  }

  /** The methodology versions, newest first (what changed since the previous one). */
  versions(
    em: EntityManager,
    organisationId: string,
  ): Promise<{ version: number; label: string; effectiveFrom: string; parameters: Record<string, unknown> }[]> {
    return em.query(
      `SELECT version, label, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", parameters FROM methodology_version
        WHERE organisation_id = $1 ORDER BY effective_from DESC, version DESC`,
      [organisationId],
    ) as Promise<{ version: number; label: string; effectiveFrom: string; parameters: Record<string, unknown> }[]>;
  }
}

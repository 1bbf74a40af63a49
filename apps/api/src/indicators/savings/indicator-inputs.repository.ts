import { Injectable } from '@nestjs/common';
import { Decimal } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import type { UnitCost } from '../../methodology/unit-cost.entity';
import { unitCostScenarioEntry } from '../../methodology/unit-cost.mapper';
import type { OutcomeAssumption } from '../../methodology/outcome-assumption.entity';
import { OrgUnit } from '../../catalogue/org-unit.entity';
import { MethodologyParameters, ScenarioInputs } from './scenario-document';
import { UnitFigure } from './sum-figures';
import { ServiceFundingRepository } from '../../funding/service-funding.repository';
import type { FundingPlans } from '../../funding/funding-plan';
import { DEFAULT_METHODOLOGY, MethodologyInputs } from '../../methodology/methodology-inputs.service';

export interface MethodologyInForce {
  id: string | null;
  version: number | null;
  label: string;
  effectiveFrom: string | null;
  parameters: MethodologyParameters;
}

export interface OrganisationInputs {
  methodology: MethodologyInForce;
  priceIndex: Record<number, string>;
  unitCosts: ScenarioInputs['unitCosts'];
  unitCostSources: UnitCost[];
  services: (ScenarioInputs['services'][number] & { id: string; granularity: string })[];
  assumptions: OutcomeAssumption[];
  orgUnits: OrgUnit[];
  /** Funding plans: service code → year → shares (absent = all to the commune / CCAS). */
  funding: FundingPlans;
}

/** Loads what the engine needs for one organisation (inside a TenantDb transaction): the method through methodology/'s inputs, units, funding, figures. */
@Injectable()
export class IndicatorInputsRepository {
  constructor(
    private readonly fundings: ServiceFundingRepository,
    private readonly methodology: MethodologyInputs = new MethodologyInputs(),
  ) {}

  async load(em: EntityManager, organisationId: string, now: Date = new Date()): Promise<OrganisationInputs> {
    const { version, unitCosts, priceIndices: prices, services, assumptions } = await this.methodology.method(em, organisationId, now);
    const orgUnits = await em.find(OrgUnit, { where: { organisationId }, order: { code: 'ASC' } });
    const funding = await this.fundings.fundingByServiceYear(em, organisationId);
    return {
      methodology: version
        ? {
            id: version.id,
            version: version.version,
            label: version.label,
            effectiveFrom: version.effectiveFrom,
            parameters: version.parameters as unknown as MethodologyParameters,
          }
        : { id: null, version: null, label: 'Paramètres par défaut', effectiveFrom: null, parameters: DEFAULT_METHODOLOGY },
      priceIndex: Object.fromEntries(prices.map((p) => [p.year, p.value.toFixed()])),
      unitCosts: unitCosts.map(unitCostScenarioEntry),
      unitCostSources: unitCosts,
      services: services.map((s) => ({
        id: s.id,
        code: s.code,
        label: s.label,
        granularity: s.granularity,
        outcomes: assumptions.filter((a) => a.serviceId === s.id).map((a) => ({ code: a.code, label: a.label, params: a.params })),
      })),
      assumptions,
      orgUnits,
      funding,
    };
  }

  /** Figures of the savings metrics, with codes, for some org units and periods (all periods when empty). */
  async figures(em: EntityManager, organisationId: string, orgUnitIds: readonly string[], periods: readonly string[]): Promise<UnitFigure[]> {
    const rows: { org_unit: string; service: string; period: string; metric: string; value: string }[] = await em.query(
      `SELECT u.code AS org_unit, s.code AS service, f.period, m.code AS metric, f.value
         FROM figure f
         JOIN org_unit u ON u.id = f.org_unit_id
         JOIN service s ON s.id = f.service_id
         JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1
          AND f.org_unit_id = ANY($2::uuid[])
          AND (cardinality($3::text[]) = 0 OR f.period = ANY($3::text[]))
          AND (m.code IN ('spend', 'person_months', 'beneficiaries') OR m.code LIKE 'observed.%')
        ORDER BY u.code, s.code, f.period, m.code`,
      [organisationId, orgUnitIds, periods],
    );
    return rows.map((r) => ({ orgUnit: r.org_unit, service: r.service, period: r.period, metric: r.metric, value: new Decimal(r.value) }));
  }

  /**
   * Figures of the savings metrics of some org units and periods (all periods when empty), summed by PostgreSQL per
   * (service, period, metric) on each side of the one non-additive input: `orgUnit` is `avec` for the units that
   * reported person-months for that (service, period), `sans` for the others, so `sumFiguresOverUnits` gives the same
   * totals as over the units one by one (it converts the beneficiaries of `sans` into person-months where `avec`
   * exists). A département's year is ≈ 288 000 figures but a few thousand sums: the API's event loop converts those.
   */
  async figureSums(em: EntityManager, organisationId: string, orgUnitIds: readonly string[], periods: readonly string[]): Promise<UnitFigure[]> {
    const rows: { org_unit: string; service: string; period: string; metric: string; value: string }[] = await em.query(
      `WITH f AS (
         SELECT f.org_unit_id, s.code AS service, f.period, m.code AS metric, f.value
           FROM figure f
           JOIN service s ON s.id = f.service_id
           JOIN metric m ON m.id = f.metric_id
          WHERE f.organisation_id = $1
            AND f.org_unit_id = ANY($2::uuid[])
            AND (cardinality($3::text[]) = 0 OR f.period = ANY($3::text[]))
            AND (m.code IN ('spend', 'person_months', 'beneficiaries') OR m.code LIKE 'observed.%')
       ), with_person_months AS (
         SELECT DISTINCT org_unit_id, service, period FROM f WHERE metric = 'person_months'
       )
       SELECT CASE WHEN p.org_unit_id IS NULL THEN 'sans' ELSE 'avec' END AS org_unit, f.service, f.period, f.metric, sum(f.value)::text AS value
         FROM f
         LEFT JOIN with_person_months p ON p.org_unit_id = f.org_unit_id AND p.service = f.service AND p.period = f.period
        GROUP BY 1, f.service, f.period, f.metric
        ORDER BY f.service, f.period, f.metric, 1`,
      [organisationId, orgUnitIds, periods],
    );
    return rows.map((r) => ({ orgUnit: r.org_unit, service: r.service, period: r.period, metric: r.metric, value: new Decimal(r.value) }));
  }
}

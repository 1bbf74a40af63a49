import { Injectable, Logger } from '@nestjs/common';
import { Decimal, parseScenario, SavingsCell, Scenario, spendConversionFactor } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { allLeaves } from '../../catalogue/org-tree';
import { IndicatorInputsRepository, OrganisationInputs } from './indicator-inputs.repository';
import { buildScenarioDocument } from './scenario-document';
import { periodBounds } from '../shared/period-bounds';
import { PAYER_ORDER, SCENARIO_ORDER, ServiceResponses, UnitResponses, unitResponses } from './unit-responses';
import { fundingFor } from '../../funding/funding-plan';
import { RecomputeRepository } from './recompute.repository';
import { eventField, fieldCount, FundingRow, PAYER_FIELD, PeriodRow, range, ResponseRow, Shape, streamField } from './read-model-shape';

export class RecomputeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Calcul impossible : ${problems.join(' ; ')}`);
    this.name = 'RecomputeError';
  }
}

/**
 * Recomputes the savings read model of one organisation for some periods (all when none are given).
 *
 * The engine is linear in the figures for fixed assumptions (under conventions 2, on each side of 0 for an observed
 * count), so it runs once per (service, driver, range case) on one unit of the driver (`unitResponses`), and PostgreSQL
 * does the rest set-based in exact `numeric` arithmetic (RecomputeRepository): drivers per leaf (exposure in person-months = person_months,
 * else beneficiaries × months; each observed outcome), summed up the tree (after the per-leaf precedence, as
 * `sumFiguresOverUnits` does), times the responses, then the all-services rows as sums of the per-service ones. The cost
 * is the spend discounted by the convention and, under conventions 2, converted to constant euros of the base year
 * (README 2.4) and split by the service's funding plan of the period's year (2.5). One row per (unit, service or all,
 * period) holds the three range cases (SCENARIO_ORDER). Runs under an advisory lock per organisation, in one transaction.
 */
@Injectable()
export class RecomputeService {
  private readonly logger = new Logger(RecomputeService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly inputs: IndicatorInputsRepository,
    private readonly sql: RecomputeRepository = new RecomputeRepository(),
  ) {}

  async recompute(organisationId: string, periods: readonly string[], now: Date = new Date()): Promise<{ rows: number }> {
    return this.tenantDb.run(organisationId, async (em) => {
      await this.sql.lock(em, organisationId);
      const inputs = await this.inputs.load(em, organisationId, now);
      const leaves = allLeaves(inputs.orgUnits);
      const scenario = await this.scenario(em, inputs, organisationId, leaves, periods);
      if (scenario === null) {
        await this.sql.deleteCurrent(em, organisationId, periods);
        await this.sql.freezeApprovedPeriods(em, organisationId, periods);
        await this.sql.announce(em, organisationId);
        return { rows: 0 };
      }
      const responses = unitResponses(scenario);
      const shape: Shape = {
        slots: Math.max(0, ...responses.services.map((s) => s.drivers.filter((d) => d.driver.kind === 'observed').length)),
        years: Math.max(0, ...responses.services.map((s) => s.streamLength)),
        outcomes: responses.outcomeCodes,
        conventions: responses.conventions,
      };
      const metricIds = await this.sql.savingsMetricIds(em);
      await this.sql.createResponses(em, shape, responseRows(inputs, responses.services, shape, metricIds));
      const leafCount = await this.sql.createLeafDrivers(
        em,
        organisationId,
        leaves.map((l) => l.id),
        periods,
        shape,
        metricIds,
      );
      let rows = 0;
      if (leafCount > 0) {
        await this.loadPeriodsAndFunding(em, inputs, scenario, responses);
        await this.sql.createValues(em, leafAncestorPairs(inputs, leaves), shape);
        const empty = await this.sql.noCurrentRows(em, organisationId, periods);
        rows = await this.sql.writeValues(em, organisationId, periods, inputs.methodology.id, now, shape, empty);
      } else {
        await this.sql.deleteCurrent(em, organisationId, periods);
      }
      await this.sql.dropTemporary(em, leafCount > 0);
      await this.sql.freezeApprovedPeriods(em, organisationId, periods);
      await this.sql.announce(em, organisationId);
      this.logger.log(`Indicateurs recalculés : ${rows} valeurs (${periods.length === 0 ? 'toutes périodes' : periods.join(', ')})`);
      return { rows };
    });
  }

  /**
   * The organisation's assumptions as the engine reads them (no figures: responses do not depend on them), or null when
   * they do not parse and there is nothing to compute anyway (no savings figure in scope).
   */
  private async scenario(
    em: EntityManager,
    inputs: OrganisationInputs,
    organisationId: string,
    leaves: readonly { id: string }[],
    periods: readonly string[],
  ): Promise<Scenario | null> {
    const parsed = parseScenario(
      buildScenarioDocument({ ...inputs, methodology: inputs.methodology.parameters, name: 'responses', description: '', figures: [], funding: null }),
    );
    if (parsed.ok) return parsed.scenario;
    const any = await this.sql.hasSavingsFigures(
      em,
      organisationId,
      leaves.map((l) => l.id),
      periods,
    );
    if (!any) return null;
    throw new RecomputeError(parsed.errors.map((e) => `${e.path} : ${e.message}`));
  }

  /**
   * rm_period: each period's bounds, the factor from its spend to constant euros of the base year (I(base) / I(year)
   * under conventions 2, 1 under conventions 1; a year without a price index stops the recompute with the year named)
   * and from its spend to its cost (that factor / (1 + r)^t0). rm_fund: under
   * conventions 2, each service's funding shares for each year (its plan, else all to the commune / CCAS), in PAYER_ORDER.
   */
  private async loadPeriodsAndFunding(em: EntityManager, inputs: OrganisationInputs, scenario: Scenario, responses: UnitResponses): Promise<void> {
    const periods = await this.sql.leafPeriods(em);
    const { methodology } = scenario;
    const missing = new Set<number>();
    const bounds: PeriodRow[] = periods.map((period) => {
      const { start, end } = periodBounds(period);
      const year = Number(period.slice(0, 4));
      let spendFactor = new Decimal(1);
      if (responses.conventions === 2) {
        if (year !== methodology.baseYear && (methodology.priceIndex[year] === undefined || methodology.priceIndex[methodology.baseYear] === undefined)) {
          missing.add(year);
        } else {
          spendFactor = spendConversionFactor({ year, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex });
        }
      }
      return { period, start, end, year, spendFactor: spendFactor.toFixed(), costFactor: spendFactor.times(responses.costFactor).toFixed() };
    });
    if (missing.size > 0) {
      throw new RecomputeError([
        `indice des prix manquant pour ${[...missing].sort().join(', ')} (et l’année de base ${methodology.baseYear}) : la méthode (conventions 2) convertit les dépenses en euros constants ; ajoutez-le dans « Indices de prix »`,
      ]);
    }
    const years = [...new Set(bounds.map((b) => b.year))];
    const fund: FundingRow[] =
      responses.conventions === 1
        ? []
        : inputs.services.flatMap((service) =>
            years.map((year) => {
              const shares = fundingFor(inputs.funding, service.code, year);
              return { service_id: service.id, year, shares: PAYER_ORDER.map((p) => shares[p] ?? null) };
            }),
          );
    await this.sql.createPeriodsAndFunding(em, bounds, fund);
  }
}

/**
 * rm_resp's rows: per service, the coefficients c_j_s_f = result field f in scenario s for one unit of driver j
 * (j = 0 person-months, 1 … slots the observed outcomes), then n_j_s_f for a negative count (conventions 2), in the
 * order of `RecomputeRepository.coefColumns`; which payers have a share, which outcomes belong to the service, and the
 * metric ids of each observed slot.
 */
const responseRows = (
  inputs: OrganisationInputs,
  services: readonly ServiceResponses[],
  shape: Shape,
  metricIds: ReadonlyMap<string, string[]>,
): ResponseRow[] => {
  const serviceIds = new Map(inputs.services.map((s) => [s.code, s.id]));
  const width = fieldCount(shape);
  const vector = (cell: SavingsCell | undefined): (string | null)[] => {
    const out: (string | null)[] = new Array(width).fill('0');
    if (cell === undefined) return out;
    out[0] = cell.eventsNet.toFixed();
    out[1] = cell.grossSavings.toFixed();
    out[2] = cell.cashable.toFixed();
    out[3] = cell.nonCashable.toFixed();
    PAYER_ORDER.forEach((p, i) => (out[PAYER_FIELD + i] = cell.byPayer[p]?.toFixed() ?? '0'));
    shape.outcomes.forEach((code, k) => (out[eventField(k)] = cell.eventsByOutcome?.[code]?.toFixed() ?? '0'));
    cell.valueStream.forEach((v, k) => (out[streamField(shape, k)] = v.toFixed()));
    return out;
  };
  const negative = shape.conventions === 2;
  return services.map((service) => {
    const pm = service.drivers.find((d) => d.driver.kind === 'person_months');
    const observed = service.drivers.filter((d) => d.driver.kind === 'observed');
    const coefs: (string | null)[] = [];
    for (let j = 0; j <= shape.slots; j++) {
      const response = j === 0 ? pm : observed[j - 1];
      for (const scenario of SCENARIO_ORDER) coefs.push(...vector(response?.cells[scenario]));
    }
    if (negative) {
      for (let j = 1; j <= shape.slots; j++) {
        const response = observed[j - 1];
        for (const scenario of SCENARIO_ORDER) coefs.push(...vector(response?.negativeCells?.[scenario] ?? response?.cells[scenario]));
      }
    }
    return {
      service_id: serviceIds.get(service.service)!,
      slen: service.streamLength,
      hp: PAYER_ORDER.map((p) => service.payers.includes(p)),
      ho: shape.outcomes.map((code) => service.outcomes.includes(code)),
      slots: range(shape.slots).map((j) => {
        const driver = observed[j]?.driver;
        return driver?.kind === 'observed' ? (metricIds.get(`observed.${driver.outcome}`) ?? []) : [];
      }),
      coefs,
    };
  });
};

/** Every (leaf, ancestor) pair: the ancestors' rows sum their leaves' drivers. */
const leafAncestorPairs = (inputs: OrganisationInputs, leaves: readonly { id: string }[]): [string, string][] => {
  const parent = new Map(inputs.orgUnits.map((u) => [u.id, u.parentId]));
  const pairs: [string, string][] = [];
  for (const leaf of leaves) for (let unit = parent.get(leaf.id) ?? null; unit !== null; unit = parent.get(unit) ?? null) pairs.push([leaf.id, unit]);
  return pairs;
};

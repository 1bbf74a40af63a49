import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  aggregate,
  AggregateOutput,
  AggregateOutputConventions2,
  aggregateConventions2,
  ALL_PAYERS,
  computeSensitivity,
  formatAggregate,
  formatAggregateConventions2,
  formatSensitivity,
  parseScenario,
  SavingsCell,
  PUBLIC_SCALARS,
  scenarioHasRanges,
  SUMMARY_SCALARS,
} from '@levier/indicators';
import { EntityManager } from 'typeorm';
import type { ExplainedValue } from '@levier/contracts';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { unitIdsWithRole } from '../../tenancy/unit-scope';
import { leavesUnder, subtree } from '../../catalogue/org-tree';
import { MethodologyInputs } from '../../methodology/methodology-inputs.service';
import { unitCostValues } from '../../methodology/unit-cost.mapper';
import { IndicatorInputsRepository } from './indicator-inputs.repository';
import { Bucket, CellRow, IndicatorReadRepository, ReadScope } from './indicator-read.repository';
import { IndicatorExplainQuery, IndicatorScopeQuery, IndicatorSeriesQuery } from './indicator-query.dto';
import { periodBounds } from '../shared/period-bounds';
import { periodRange, visibleUnit } from '../shared/read-scope';
import { buildScenarioDocument, ScenarioDocument } from './scenario-document';
import { sumFiguresOverUnits } from './sum-figures';
import { INDICATOR_FORMULAS } from './indicator-formulas';
import { fundingFor } from '../../funding/funding-plan';
import { ReadModelCache } from './read-model-cache';
import { complementaryMask, isSmallNumber, SecrecyScope, SMALL_NUMBER_THRESHOLD, UNMASKED_ROLES } from '../shared/statistical-secrecy';
import { narrowingSentence, parameterLabel, parameterSource } from './parameter-labels';
import { parameterValues } from './parameter-values';
import { ScopePeriodsService } from './scope-periods.service';
import { seriesCoverage } from './series-coverage';
import { simulationCellsOf, SimulationScopeCells } from './simulation-cells';
import { OrgUnitRepository } from '../../catalogue/org-unit.repository';

type Conventions = 1 | 2 | null;
type Presented = AggregateOutput | AggregateOutputConventions2;

/** The aggregate of some cells under their conventions: the conventions-2 keys (public money, ledger, events by kind) only under 2. */
const present = (cells: readonly SavingsCell[], conventions: Conventions): Presented =>
  conventions === 2 ? formatAggregateConventions2(aggregateConventions2(cells)) : formatAggregate(aggregate(cells));

/** The conventions of a group of rows: theirs when they agree, null when they mix; the method in force when there is no row. */
const conventionsOf = (rows: readonly CellRow[], inForce: 1 | 2): Conventions => {
  const seen = new Set(rows.map((r) => r.conventions));
  if (seen.size === 0) return inForce;
  return seen.size === 1 ? [...seen][0] : null;
};

/** What a cached answer depends on besides the organisation's data: the caller's rights and the query. */
const cacheKey = (kind: string, user: AuthUser, query: object): string =>
  `${kind}|${JSON.stringify(user.roles)}|${JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))}`;

/** A scope's scenario document and what the lever simulator needs to read it (see `IndicatorsService.scopeScenario`). */
export interface ScopeScenario {
  document: ScenarioDocument;
  groups: Record<string, string>;
  orgUnit: { id: string; code: string; name: string };
  orgUnitIds: readonly string[];
  from: string | null;
  to: string | null;
}

interface ResolvedScope extends ReadScope {
  orgUnit: { id: string; code: string; name: string };
  from: string | null;
  to: string | null;
}

const byScenario =
  (rows: readonly CellRow[], key: string) =>
  (scenario: CellRow['scenario']): SavingsCell[] =>
    rows.filter((r) => r.scenario === scenario && r.key === key).map((r) => r.cell);

/** Reads of the indicator read model for the dashboard, reports and exports, always within the caller's rights. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly read: IndicatorReadRepository,
    private readonly inputs: IndicatorInputsRepository,
    private readonly cache: ReadModelCache,
    private readonly scopePeriods: ScopePeriodsService,
    private readonly method: MethodologyInputs,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  summary(user: AuthUser, query: IndicatorScopeQuery) {
    return this.cache.getOrCompute(user.organisationId, cacheKey('summary', user, query), () => this.computeSummary(user, query));
  }

  series(user: AuthUser, query: IndicatorSeriesQuery) {
    return this.cache.getOrCompute(user.organisationId, cacheKey('series', user, query), () => this.computeSeries(user, query));
  }

  private computeSummary(user: AuthUser, query: IndicatorScopeQuery) {
    return this.tenantDb.read(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      const rows = await this.read.cells(em, scope, { by: 'none' });
      const freshness = await this.read.freshness(em, scope);
      const version = await this.method.versionInForce(em, user.organisationId);
      const masked = await this.isMasked(em, user, scope);
      const conventions = conventionsOf(rows, version?.conventions ?? 1);
      const cells = byScenario(rows, '*');
      const headline = present(cells('central'), conventions);
      const sensitivity = conventions === 2 && scope.basis === 'current' && !masked ? await this.sensitivity(em, user.organisationId, scope, query) : null;
      // no row in the range (no data, or « tel que publié » without an approved period): no figure, never 0 €
      const blank = masked || rows.length === 0;
      return {
        ...maybeMask(headline, blank),
        ...(conventions === 2 ? { outcomeLabels: await this.method.outcomeLabels(em, user.organisationId) } : {}),
        ...(sensitivity !== null ? { sensitivity } : {}),
        ranges: { low: maybeMask(present(cells('low'), conventions), blank), high: maybeMask(present(cells('high'), conventions), blank) },
        conventions,
        // the method the figures shown were computed with: « tel que publié » names the version of the approval, not today's
        methodologyVersion:
          (freshness.methodologyVersionIds.length === 1 ? await this.method.version(em, user.organisationId, freshness.methodologyVersionIds[0]) : null) ??
          version,
        methodologyVersions: freshness.methodologyVersionIds.length,
        computedAt: freshness.computedAt,
        dataAsOf: freshness.dataAsOf,
        basis: scope.basis,
        scope: { orgUnit: scope.orgUnit.code, orgUnitName: scope.orgUnit.name, from: scope.from, to: scope.to, service: query.service ?? null },
        masked,
      };
    });
  }

  /**
   * Which assumption moves the scope's net result most (vectors README 2.8), with each parameter in words: the engine
   * run on the scope's figures summed over its units, under the method in force; null when the method has no range.
   */
  private async sensitivity(em: EntityManager, organisationId: string, scope: ResolvedScope, query: IndicatorScopeQuery) {
    const document = await this.documentFor(em, organisationId, scope, query);
    const parsed = parseScenario(document);
    if (!parsed.ok || !scenarioHasRanges(parsed.scenario)) return null;
    const inputs = await this.inputs.load(em, organisationId);
    const labels = {
      services: new Map(inputs.services.map((s) => [s.code, s.label])),
      outcomes: new Map(inputs.services.flatMap((s) => s.outcomes.map((o) => [`${s.code}/${o.code}`, o.label] as const))),
      unitCosts: new Map(inputs.unitCosts.map((u) => [u.code, u.label])),
    };
    const refs = await this.method.assumptionRefs(em, organisationId);
    return computeSensitivity(parsed.scenario).map((entry) => ({
      ...formatSensitivity(entry),
      label: parameterLabel(entry.parameter, labels),
      // the assumption itself (its low / central / high), where it is edited, and what local evaluation would narrow it
      values: parameterValues(parsed.scenario, entry.parameter),
      source: parameterSource(entry.parameter, refs),
      narrowing: narrowingSentence(entry.parameter, labels),
    }));
  }

  private computeSeries(user: AuthUser, query: IndicatorSeriesQuery) {
    return this.tenantDb.read(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      const groupBy = query.groupBy ?? 'period';
      const masked = await this.isMasked(em, user, scope);
      if (groupBy === 'payer') {
        const rows = await this.read.cells(em, scope, { by: 'none' });
        const version = await this.method.versionInForce(em, user.organisationId);
        const conventions = conventionsOf(rows, version?.conventions ?? 1);
        const cells = byScenario(rows, '*');
        const [central, low, high] = (['central', 'low', 'high'] as const).map((s) => present(cells(s), conventions));
        const ledger = 'ledger' in central ? central.ledger : null;
        const items = ALL_PAYERS.filter((p) => central.byPayer[p] !== undefined || ledger?.[p] !== undefined).map((payer) => ({
          key: payer,
          amount: masked ? null : (central.byPayer[payer] ?? '0.00'),
          low: masked ? null : (low.byPayer[payer] ?? '0.00'),
          high: masked ? null : (high.byPayer[payer] ?? '0.00'),
          // conventions 2: what the payer bears of the services' cost, and its net (avoided − borne), negative shown as such
          ...(ledger ? { cost: masked ? null : (ledger[payer]?.cost ?? '0.00'), net: masked ? null : (ledger[payer]?.net ?? '0.00') } : {}),
        }));
        return { groupBy, conventions, items, masked };
      }
      const bucket: Bucket = query.granularity ?? (await this.read.defaultBucket(em, scope));
      const rows = await this.read.cells(em, scope, groupBy === 'service' ? { by: 'service' } : { by: 'period', bucket });
      const labels =
        groupBy === 'service'
          ? await this.read.serviceLabels(em, user.organisationId)
          : new Map<string, { code: string; label: string; note: string | null }>();
      const keys = [...new Set(rows.map((r) => r.key))].sort();
      const items = keys.map((key) => {
        const cells = byScenario(rows, key);
        const conventions = conventionsOf(
          rows.filter((r) => r.key === key),
          1,
        );
        const central = maybeMask(present(cells('central'), conventions), masked);
        return {
          key: labels.get(key)?.code ?? key,
          label: labels.get(key)?.label ?? key,
          ...(groupBy === 'service' ? { note: labels.get(key)?.note ?? null } : {}),
          ...central,
          conventions,
          low: maybeMask(present(cells('low'), conventions), masked).grossSavings,
          high: maybeMask(present(cells('high'), conventions), masked).grossSavings,
        };
      });
      // every period of the range, with what it rests on: a month without data is « pas de données », never a 0 € point
      const periods =
        groupBy === 'period' && scope.from !== null && scope.to !== null
          ? seriesCoverage({
              from: scope.from,
              to: scope.to,
              bucket,
              basis: scope.basis,
              months: (await this.scopePeriods.readCached(em, user, scope.orgUnit.code)).months,
              computed: new Set(keys),
            })
          : undefined;
      return { groupBy, granularity: groupBy === 'period' ? bucket : undefined, items, ...(periods ? { periods } : {}), masked };
    });
  }

  /** The `levier-scenario/1` document of a scope: download it and `levier compute` gives the same numbers. */
  scenario(user: AuthUser, query: IndicatorScopeQuery): Promise<ScenarioDocument> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      if (await this.isMasked(em, user, scope)) {
        throw new ForbiddenException(
          `Téléchargement refusé : le périmètre « ${scope.orgUnit.code} » compte trop peu de bénéficiaires pour être lu à votre niveau d’accès (secret statistique).`,
        );
      }
      return this.documentFor(em, user.organisationId, scope, query);
    });
  }

  /**
   * The scope's scenario for the lever simulator (issue 18): the document `GET /api/indicators/scenario` exports, with
   * `groups` mapping each of its service codes to the service's own code (a service written once per year because its
   * funding plan changes, `SAAD_2024`, maps back to `SAAD`), and the resolved scope. Cached with the dashboard's reads
   * (dropped when a recompute commits), so the previews of one scope while a slider moves read the data once.
   */
  scopeScenario(user: AuthUser, query: IndicatorScopeQuery): Promise<ScopeScenario> {
    return this.cache.getOrCompute(user.organisationId, cacheKey('scope-scenario', user, query), () =>
      this.tenantDb.run(user.organisationId, async (em) => {
        const scope = await this.resolve(em, user, query);
        const { document, serviceCodes } = await this.scopeDocument(em, user.organisationId, scope, query);
        const written = new Set(document.services.map((s) => s.code));
        const groups: Record<string, string> = {};
        for (const { code } of document.services) {
          const split = /^(.+)_\d{4}$/.exec(code);
          groups[code] = split !== null && !written.has(split[1]) && serviceCodes.has(split[1]) ? split[1] : code;
        }
        return { document, groups, orgUnit: scope.orgUnit, orgUnitIds: scope.orgUnitIds, from: scope.from, to: scope.to };
      }),
    );
  }

  /**
   * The lever simulator's basis from the read model (issue 18): each service's cells of the scope in the three range cases
   * (the rows the dashboard sums) and each service-period's spend, with the scope's method; no figure is read, so a
   * first preview is as fast as the dashboard. Cached with the dashboard's reads (dropped when a recompute commits).
   */
  simulationCells(user: AuthUser, query: IndicatorScopeQuery): Promise<SimulationScopeCells> {
    return this.cache.getOrCompute(user.organisationId, cacheKey('simulation-cells', user, query), () =>
      this.tenantDb.read(user.organisationId, async (em) => {
        const scope = await this.resolve(em, user, { ...query, basis: 'current' });
        const inputs = await this.inputs.load(em, user.organisationId);
        const method = buildScenarioDocument({
          name: scope.orgUnit.name,
          description: scope.orgUnit.code,
          methodology: inputs.methodology.parameters,
          priceIndex: inputs.priceIndex,
          unitCosts: inputs.unitCosts,
          services: inputs.services,
          figures: [],
          funding: inputs.funding,
        });
        return simulationCellsOf({
          method,
          services: inputs.services,
          rows: await this.read.cells(em, scope, { by: 'service' }),
          spend: await this.read.serviceSpend(em, scope),
          scope: { orgUnit: scope.orgUnit, orgUnitIds: scope.orgUnitIds, from: scope.from, to: scope.to },
        });
      }),
    );
  }

  explain(user: AuthUser, query: IndicatorExplainQuery) {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      const inputs = await this.inputs.load(em, user.organisationId);
      const { document, serviceCodes } = await this.scopeDocument(em, user.organisationId, scope, query);
      const current = await this.read.cells(em, { ...scope, basis: 'current' }, { by: 'none' });
      const reported = await this.read.cells(em, { ...scope, basis: 'reported' }, { by: 'none' });
      const freshness = await this.read.freshness(em, scope);
      const version = await this.method.versionInForce(em, user.organisationId);
      const masked = await this.isMasked(em, user, scope);
      const indicator = query.indicator ?? 'grossSavings';
      const currentValue = present(byScenario(current, '*')('central'), conventionsOf(current, version?.conventions ?? 1)) as unknown as Record<
        string,
        ExplainedValue | undefined
      >;
      const reportedValue = present(byScenario(reported, '*')('central'), conventionsOf(reported, version?.conventions ?? 1)) as unknown as Record<
        string,
        ExplainedValue | undefined
      >;
      const inScope = inputs.assumptions.filter((a) => serviceCodes.has(inputs.services.find((s) => s.id === a.serviceId)?.code ?? ''));
      const codes = (ref: unknown): string[] => (typeof ref === 'string' ? [ref] : Array.isArray(ref) ? (ref as { code: string }[]).map((c) => c.code) : []);
      const usedUnitCosts = new Set(inScope.flatMap((a) => [...codes(a.params.unitCost), ...codes(a.params.substitutionCost)]));
      const years = [...new Set(document.figures.map((f) => Number(f.period.slice(0, 4))))].sort();
      return {
        indicator,
        formula: INDICATOR_FORMULAS[indicator],
        scope: { orgUnit: scope.orgUnit.code, from: scope.from, to: scope.to },
        methodology: { ...version, parameters: inputs.methodology.parameters },
        conventions: version?.conventions ?? 1,
        // masked: no figure of the scope and no value (statistical secrecy), the method and its sources stay readable
        inputs: masked ? [] : document.figures,
        assumptions: inScope.map((a) => ({
          service: inputs.services.find((s) => s.id === a.serviceId)!.code,
          code: a.code,
          label: a.label,
          parameters: a.params,
          substitutionCost: a.params.substitutionCost ?? null,
          justification: a.justification,
          evidence: a.evidence,
        })),
        unitCosts: inputs.unitCostSources
          .filter((u) => usedUnitCosts.has(u.code))
          .map((u) => ({ ...unitCostValues(u), source: { title: u.sourceTitle, publisher: u.sourcePublisher, url: u.sourceUrl } })),
        // conventions 2: who pays each service's spend, per year of the scope (no plan = all to the commune / CCAS)
        funding:
          version?.conventions === 2
            ? [...serviceCodes].sort().flatMap((service) => years.map((year) => ({ service, year, shares: fundingFor(inputs.funding, service, year) })))
            : [],
        priceIndex: inputs.priceIndex,
        values: masked
          ? { current: null, reported: null, differs: false }
          : {
              current: currentValue[indicator] ?? null,
              reported: reportedValue[indicator] ?? null,
              differs: JSON.stringify(currentValue[indicator]) !== JSON.stringify(reportedValue[indicator]),
            },
        masked,
        computedAt: freshness.computedAt,
        dataAsOf: freshness.dataAsOf,
      };
    });
  }

  private async documentFor(em: EntityManager, organisationId: string, scope: ResolvedScope, query: IndicatorScopeQuery): Promise<ScenarioDocument> {
    return (await this.scopeDocument(em, organisationId, scope, query)).document;
  }

  /** The scenario of a scope, and the codes of the services with figures in it (before any split of a service by year). */
  private async scopeDocument(
    em: EntityManager,
    organisationId: string,
    scope: ResolvedScope,
    query: IndicatorScopeQuery,
  ): Promise<{ document: ScenarioDocument; serviceCodes: Set<string> }> {
    const inputs = await this.inputs.load(em, organisationId);
    const figures = (await this.inputs.figureSums(em, organisationId, scope.orgUnitIds, periodsWithin(scope.from, scope.to))).filter((f) => {
      const bounds = periodBounds(f.period);
      return bounds.start >= scope.start && bounds.end <= scope.end && (query.service === undefined || f.service === query.service);
    });
    const services = inputs.services.filter((s) => query.service === undefined || s.code === query.service);
    const document = buildScenarioDocument({
      name: `${scope.orgUnit.name}${scope.from ? ` — ${scope.from} à ${scope.to}` : ''}`,
      description: `Export Levier : ${scope.orgUnit.code}, ${scope.from ?? 'toutes périodes'}${scope.to ? ` → ${scope.to}` : ''}, méthodologie ${inputs.methodology.label}. Chiffres sommés sur les unités du périmètre.`,
      methodology: inputs.methodology.parameters,
      priceIndex: inputs.priceIndex,
      unitCosts: inputs.unitCosts,
      services,
      figures: sumFiguresOverUnits(figures),
      funding: inputs.funding,
    });
    return { document, serviceCodes: new Set(figures.map((f) => f.service)) };
  }

  private async resolve(em: EntityManager, user: AuthUser, query: IndicatorScopeQuery): Promise<ResolvedScope> {
    const units = await this.orgUnits.all(em, user.organisationId);
    const unit = visibleUnit(units, user, query.orgUnit);
    let serviceIds: string[] | undefined;
    if (query.service !== undefined) {
      serviceIds = await this.read.serviceIds(em, user.organisationId, query.service);
      if (serviceIds.length === 0) throw new NotFoundException(`Service « ${query.service} » introuvable.`);
    }
    const { start, end, from, to } = periodRange(query);
    return {
      organisationId: user.organisationId,
      orgUnit: unit,
      orgUnitId: unit.id,
      orgUnitIds: leavesUnder(units, unit.id).map((u) => u.id),
      start,
      end,
      serviceIds,
      basis: query.basis ?? 'current',
      from,
      to,
    };
  }

  /**
   * Statistical secrecy of a scope for the caller, on the same beneficiaries as the summary (current method, all
   * services): for the custom indicators and alerts, which must mask exactly where the savings are masked.
   * `cellwise`: the numbers are evaluated cell by cell (custom formulas, whose `if`, `min`, `max` can pick out single
   * cells), so the scope is also masked when any unit under it is masked for the caller.
   */
  masksSmallNumbers(em: EntityManager, user: AuthUser, scope: SecrecyScope, options: { cellwise?: boolean } = {}): Promise<boolean> {
    const { organisationId, orgUnitId, leafIds, start, end } = scope;
    return this.isMasked(em, user, { organisationId, orgUnitId, orgUnitIds: leafIds, start, end, basis: 'current' }, options);
  }

  /**
   * Masked for the caller: not read by right, and either the scope's busiest period counts fewer than 5 beneficiaries
   * or complementary suppression hides the unit over those dates (statistical-secrecy.ts `complementaryMask`).
   */
  private async isMasked(em: EntityManager, user: AuthUser, scope: ReadScope, options: { cellwise?: boolean } = {}): Promise<boolean> {
    const units = await this.orgUnits.all(em, scope.organisationId);
    const seen = unitIdsWithRole(user, units, UNMASKED_ROLES);
    if (seen.has(scope.orgUnitId)) return false;
    const activity = await this.read.unitActivity(em, scope.organisationId, scope.start, scope.end, SMALL_NUMBER_THRESHOLD);
    const hidden = complementaryMask({ units, seen, activity });
    if (hidden.has(scope.orgUnitId)) return true;
    if (options.cellwise === true && subtree(units, scope.orgUnitId).some((u) => hidden.has(u.id))) return true;
    return isSmallNumber(await this.read.peakBeneficiaries(em, scope));
  }
}

/** The summary's scalars, masked under statistical secrecy (the contract's one list). */
const MASKED_KEYS: readonly (keyof AggregateOutput)[] = SUMMARY_SCALARS;

/** Conventions-2 keys masked with the others: public figures to null, payer and event maps emptied. */
const MASKED_KEYS_2 = PUBLIC_SCALARS;

const maskAggregate = <T extends Presented>(value: T): T =>
  ({
    ...value,
    ...Object.fromEntries(MASKED_KEYS.map((k) => [k, null])),
    byPayer: {},
    ...('ledger' in value ? { ...Object.fromEntries(MASKED_KEYS_2.map((k) => [k, null])), costByPayer: {}, ledger: {}, eventsByOutcome: {} } : {}),
  }) as T;
const maybeMask = <T extends Presented>(value: T, masked: boolean): T => (masked ? maskAggregate(value) : value);

/**
 * Period codes that can lie within a scope's bounds (every month, quarter and year from `from` to `to`), so a scope's
 * figures are read for its periods only; empty (= all periods) when the scope is not bounded.
 */
const periodsWithin = (from: string | null, to: string | null): string[] => {
  if (from === null || to === null) return [];
  const [first, last] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  if (!(last >= first) || last - first > 50) return [];
  const codes: string[] = [];
  for (let year = first; year <= last; year++) {
    codes.push(String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`));
  }
  return codes;
};

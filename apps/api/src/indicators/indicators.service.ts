import { Injectable, NotFoundException } from '@nestjs/common';
import { aggregate, AggregateOutput, formatAggregate, PAYERS, SavingsCell } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { visibleUnitIds } from '../tenancy/unit-scope';
import { leavesUnder } from '../catalogue/org-tree';
import { MethodologyVersion } from '../methodology/methodology-version.entity';
import { IndicatorInputsRepository } from './indicator-inputs.repository';
import { Bucket, CellRow, IndicatorReadRepository, ReadScope } from './indicator-read.repository';
import { IndicatorExplainQuery, IndicatorScopeQuery, IndicatorSeriesQuery } from './indicator-query.dto';
import { periodBounds } from './period-bounds';
import { buildScenarioDocument, ScenarioDocument } from './scenario-document';
import { sumFiguresOverUnits } from './sum-figures';
import { INDICATOR_FORMULAS } from './indicator-formulas';
import { ReadModelCache } from './read-model-cache';
import { masksSmallNumbers, SecrecyScope } from './statistical-secrecy';
import type { TreeNode } from '../catalogue/org-tree';

/** What a cached answer depends on besides the organisation's data: the caller's rights and the query. */
const cacheKey = (kind: string, user: AuthUser, query: object): string =>
  `${kind}|${JSON.stringify(user.roles)}|${JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))}`;

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
  ) {}

  summary(user: AuthUser, query: IndicatorScopeQuery) {
    return this.cache.getOrCompute(user.organisationId, cacheKey('summary', user, query), () => this.computeSummary(user, query));
  }

  series(user: AuthUser, query: IndicatorSeriesQuery) {
    return this.cache.getOrCompute(user.organisationId, cacheKey('series', user, query), () => this.computeSeries(user, query));
  }

  private computeSummary(user: AuthUser, query: IndicatorScopeQuery) {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      const rows = await this.read.cells(em, scope, { by: 'none' });
      const freshness = await this.read.freshness(em, scope);
      const version = await this.versionInForce(em, user.organisationId);
      const masked = await this.isMasked(em, user, scope);
      const cells = byScenario(rows, '*');
      const headline = formatAggregate(aggregate(cells('central')));
      return {
        ...(masked ? maskAggregate(headline) : headline),
        ranges: { low: maybeMask(formatAggregate(aggregate(cells('low'))), masked), high: maybeMask(formatAggregate(aggregate(cells('high'))), masked) },
        methodologyVersion: version,
        computedAt: freshness.computedAt,
        dataAsOf: freshness.dataAsOf,
        basis: scope.basis,
        scope: { orgUnit: scope.orgUnit.code, orgUnitName: scope.orgUnit.name, from: scope.from, to: scope.to, service: query.service ?? null },
        masked,
      };
    });
  }

  private computeSeries(user: AuthUser, query: IndicatorSeriesQuery) {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      const groupBy = query.groupBy ?? 'period';
      const masked = await this.isMasked(em, user, scope);
      if (groupBy === 'payer') {
        const cells = byScenario(await this.read.cells(em, scope, { by: 'none' }), '*');
        const [central, low, high] = (['central', 'low', 'high'] as const).map((s) => formatAggregate(aggregate(cells(s))).byPayer);
        const items = PAYERS.filter((p) => central[p] !== undefined).map((payer) => ({
          key: payer,
          amount: masked ? null : central[payer],
          low: masked ? null : (low[payer] ?? '0.00'),
          high: masked ? null : (high[payer] ?? '0.00'),
        }));
        return { groupBy, items, masked };
      }
      const bucket: Bucket = query.granularity ?? (await this.defaultBucket(em, scope));
      const rows = await this.read.cells(em, scope, groupBy === 'service' ? { by: 'service' } : { by: 'period', bucket });
      const labels = groupBy === 'service' ? await this.serviceLabels(em, user.organisationId) : new Map<string, { code: string; label: string }>();
      const keys = [...new Set(rows.map((r) => r.key))].sort();
      const items = keys.map((key) => {
        const cells = byScenario(rows, key);
        const central = maybeMask(formatAggregate(aggregate(cells('central'))), masked);
        return {
          key: labels.get(key)?.code ?? key,
          label: labels.get(key)?.label ?? key,
          ...central,
          low: maybeMask(formatAggregate(aggregate(cells('low'))), masked).grossSavings,
          high: maybeMask(formatAggregate(aggregate(cells('high'))), masked).grossSavings,
        };
      });
      return { groupBy, granularity: groupBy === 'period' ? bucket : undefined, items, masked };
    });
  }

  /** The `levier-scenario/1` document of a scope: download it and `levier compute` gives the same numbers. */
  scenario(user: AuthUser, query: IndicatorScopeQuery): Promise<ScenarioDocument> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      return this.documentFor(em, user.organisationId, scope, query);
    });
  }

  explain(user: AuthUser, query: IndicatorExplainQuery) {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.resolve(em, user, query);
      const inputs = await this.inputs.load(em, user.organisationId);
      const document = await this.documentFor(em, user.organisationId, scope, query);
      const serviceCodes = new Set(document.figures.map((f) => f.service));
      const current = await this.read.cells(em, { ...scope, basis: 'current' }, { by: 'none' });
      const reported = await this.read.cells(em, { ...scope, basis: 'reported' }, { by: 'none' });
      const freshness = await this.read.freshness(em, scope);
      const indicator = query.indicator ?? 'grossSavings';
      const currentValue = formatAggregate(aggregate(byScenario(current, '*')('central')));
      const reportedValue = formatAggregate(aggregate(byScenario(reported, '*')('central')));
      const usedUnitCosts = new Set(
        inputs.assumptions
          .filter((a) => serviceCodes.has(inputs.services.find((s) => s.id === a.serviceId)?.code ?? ''))
          .flatMap((a) =>
            typeof a.params.unitCost === 'string'
              ? [a.params.unitCost]
              : Array.isArray(a.params.unitCost)
                ? (a.params.unitCost as { code: string }[]).map((c) => c.code)
                : [],
          ),
      );
      return {
        indicator,
        formula: INDICATOR_FORMULAS[indicator],
        scope: { orgUnit: scope.orgUnit.code, from: scope.from, to: scope.to },
        methodology: { ...(await this.versionInForce(em, user.organisationId)), parameters: inputs.methodology.parameters },
        inputs: document.figures,
        assumptions: inputs.assumptions
          .filter((a) => serviceCodes.has(inputs.services.find((s) => s.id === a.serviceId)?.code ?? ''))
          .map((a) => ({
            service: inputs.services.find((s) => s.id === a.serviceId)!.code,
            code: a.code,
            label: a.label,
            parameters: a.params,
            justification: a.justification,
            evidence: a.evidence,
          })),
        unitCosts: inputs.unitCostSources
          .filter((u) => usedUnitCosts.has(u.code))
          .map((u) => ({
            code: u.code,
            label: u.label,
            unit: u.unit,
            amount: u.amount.toFixed(),
            priceYear: u.priceYear,
            payers: u.payers,
            cashableShare: u.cashableShare.toFixed(),
            source: { title: u.sourceTitle, publisher: u.sourcePublisher, url: u.sourceUrl },
          })),
        priceIndex: inputs.priceIndex,
        values: {
          current: currentValue[indicator],
          reported: reportedValue[indicator],
          differs: JSON.stringify(currentValue[indicator]) !== JSON.stringify(reportedValue[indicator]),
        },
        computedAt: freshness.computedAt,
        dataAsOf: freshness.dataAsOf,
      };
    });
  }

  private async documentFor(em: EntityManager, organisationId: string, scope: ResolvedScope, query: IndicatorScopeQuery): Promise<ScenarioDocument> {
    const inputs = await this.inputs.load(em, organisationId);
    const figures = (await this.inputs.figures(em, organisationId, scope.orgUnitIds, [])).filter((f) => {
      const bounds = periodBounds(f.period);
      return bounds.start >= scope.start && bounds.end <= scope.end && (query.service === undefined || f.service === query.service);
    });
    const services = inputs.services.filter((s) => query.service === undefined || s.code === query.service);
    return buildScenarioDocument({
      name: `${scope.orgUnit.name}${scope.from ? ` — ${scope.from} à ${scope.to}` : ''}`,
      description: `Export Levier : ${scope.orgUnit.code}, ${scope.from ?? 'toutes périodes'}${scope.to ? ` → ${scope.to}` : ''}, méthodologie ${inputs.methodology.label}. Chiffres sommés sur les unités du périmètre.`,
      methodology: inputs.methodology.parameters,
      priceIndex: inputs.priceIndex,
      unitCosts: inputs.unitCosts,
      services,
      figures: sumFiguresOverUnits(figures),
    });
  }

  private async resolve(em: EntityManager, user: AuthUser, query: IndicatorScopeQuery): Promise<ResolvedScope> {
    const units: { id: string; code: string; name: string; parentId: string | null }[] = (
      await em.query(`SELECT id, code, name, parent_id FROM org_unit WHERE organisation_id = $1`, [user.organisationId])
    ).map((u: { id: string; code: string; name: string; parent_id: string | null }) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parent_id }));
    const visible = visibleUnitIds(user, units);
    const unit =
      query.orgUnit === undefined
        ? (units.find((u) => u.parentId === null && visible.has(u.id)) ?? units.find((u) => visible.has(u.id)))
        : units.find((u) => u.code === query.orgUnit);
    if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${query.orgUnit ?? ''} » introuvable.`);
    let serviceIds: string[] | undefined;
    if (query.service !== undefined) {
      const rows: { id: string }[] = await em.query(`SELECT id FROM service WHERE organisation_id = $1 AND code = $2`, [user.organisationId, query.service]);
      if (rows.length === 0) throw new NotFoundException(`Service « ${query.service} » introuvable.`);
      serviceIds = rows.map((r) => r.id);
    }
    const from = query.from ?? null;
    const to = query.to ?? query.from ?? null;
    return {
      organisationId: user.organisationId,
      orgUnit: unit,
      orgUnitId: unit.id,
      orgUnitIds: leavesUnder(units, unit.id).map((u) => u.id),
      start: from ? periodBounds(from).start : '0001-01-01',
      end: to ? periodBounds(to).end : '9999-12-31',
      serviceIds,
      basis: query.basis ?? 'current',
      from,
      to,
    };
  }

  private async versionInForce(em: EntityManager, organisationId: string) {
    const version = await em.findOne(MethodologyVersion, { where: { organisationId }, order: { version: 'DESC' } });
    return version ? { id: version.id, version: version.version, label: version.label, effectiveFrom: version.effectiveFrom } : null;
  }

  /**
   * Statistical secrecy of a scope for the caller, on the same beneficiaries as the summary (current method, all
   * services): for the custom indicators and alerts, which must mask exactly where the savings are masked.
   */
  masksSmallNumbers(em: EntityManager, user: AuthUser, scope: SecrecyScope): Promise<boolean> {
    const { organisationId, orgUnitId, leafIds, start, end } = scope;
    return this.isMasked(em, user, { organisationId, orgUnitId, orgUnitIds: leafIds, start, end, basis: 'current' });
  }

  private isMasked(em: EntityManager, user: AuthUser, scope: ReadScope): Promise<boolean> {
    const units = (): Promise<TreeNode[]> =>
      em.query(`SELECT id, code, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [scope.organisationId]) as Promise<TreeNode[]>;
    return masksSmallNumbers(user, scope.orgUnitId, units, () => this.read.peakBeneficiaries(em, scope));
  }

  private async defaultBucket(em: EntityManager, scope: ReadScope): Promise<Bucket> {
    const rows: { g: string }[] = await em.query(
      `SELECT DISTINCT s.granularity AS g FROM service s JOIN indicator_value v ON v.service_id = s.id WHERE v.organisation_id = $1 AND v.org_unit_id = $2 AND v.basis = 'current'`,
      [scope.organisationId, scope.orgUnitId],
    );
    return rows.some((r) => r.g === 'year') ? 'year' : rows.some((r) => r.g === 'quarter') ? 'quarter' : 'month';
  }

  private async serviceLabels(em: EntityManager, organisationId: string): Promise<Map<string, { code: string; label: string }>> {
    const rows: { id: string; code: string; label: string }[] = await em.query(`SELECT id, code, label FROM service WHERE organisation_id = $1`, [
      organisationId,
    ]);
    return new Map(rows.map((r) => [r.id, { code: r.code, label: r.label }]));
  }
}

const MASKED_KEYS: (keyof AggregateOutput)[] = [
  'eventsNet',
  'grossSavings',
  'cost',
  'netSavings',
  'offsetRatio',
  'costPerEventAvoided',
  'paybackYears',
  'cashable',
  'nonCashable',
];

const maskAggregate = (value: AggregateOutput): AggregateOutput =>
  ({ ...value, ...Object.fromEntries(MASKED_KEYS.map((k) => [k, null])), byPayer: {} }) as AggregateOutput;
const maybeMask = (value: AggregateOutput, masked: boolean): AggregateOutput => (masked ? maskAggregate(value) : value);

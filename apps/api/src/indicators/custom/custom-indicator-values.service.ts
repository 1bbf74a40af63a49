import { Injectable, NotFoundException } from '@nestjs/common';
import { containingQuarter, containingYear, d, Decimal, formatExact, formatRatio, granularityOf, sumDecimals } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { IndicatorsService } from '../savings/indicators.service';
import { CustomIndicator } from './custom-indicator.entity';
import { CustomIndicatorQuery } from './custom-indicator.dto';
import { combineSums } from './custom-formula';
import { CustomIndicatorRepository, PeriodSumRow } from './custom-indicator.repository';
import { maskCustomValue, secrecyScopeOf } from './masked-value';
import { resolveUnitScope, UnitScope } from '../shared/read-scope';
import { OrgUnitRepository } from '../../catalogue/org-unit.repository';
import type { Integer } from '@levier/contracts';

export interface CustomValue {
  numerator: string | null;
  denominator: string | null;
  value: string | null;
  cellsUsed: Integer;
  cellsMissing: Integer;
}

export interface CustomIndicatorValueResponse extends CustomValue {
  id: string;
  code: string;
  label: string;
  unit: string;
  series: (CustomValue & { period: string })[];
}

type Bucket = 'month' | 'quarter' | 'year';

/** `GET /api/indicators/custom`: every custom indicator of the scope, its total and its series (dates as ISO strings). */
export interface CustomIndicatorValuesResponse {
  scope: { orgUnit: string; orgUnitName: string; from: string | null; to: string | null };
  granularity: Bucket;
  computedAt: string | null;
  items: CustomIndicatorValueResponse[];
  masked: boolean;
}

/** The bucket of an entry period: a coarser entry period (a quarterly service in a monthly view) keeps its own code. */
const bucketOf = (period: string, bucket: Bucket): string => {
  const granularity = granularityOf(period);
  if (bucket === 'year' || granularity === 'year') return containingYear(period);
  if (bucket === 'quarter' || granularity === 'quarter') return containingQuarter(period) ?? period;
  return period;
};

/** Folds per-period sums: Σ numerator and Σ denominator, then divide and × factor (never an average of ratios). */
export const foldSums = (indicator: CustomIndicator, rows: readonly PeriodSumRow[]): { value: Decimal | null; formatted: CustomValue } => {
  const numerators = rows.filter((r) => r.numerator !== null).map((r) => d(r.numerator!));
  const denominators = rows.filter((r) => r.denominator !== null).map((r) => d(r.denominator!));
  const used = rows.reduce((n, r) => n + r.used, 0);
  const numerator = used === 0 ? null : sumDecimals(numerators);
  const denominator = used === 0 || indicator.denominator === null ? null : sumDecimals(denominators);
  const value = combineSums({ numerator, denominator, hasDenominator: indicator.denominator !== null, factor: indicator.factor });
  return {
    value,
    formatted: {
      numerator: numerator === null ? null : formatExact(numerator),
      denominator: denominator === null ? null : formatExact(denominator),
      value: value === null ? null : formatRatio(value),
      cellsUsed: used,
      cellsMissing: rows.reduce((n, r) => n + r.missing, 0),
    },
  };
};

/**
 * Reads of the custom indicators' read model for the dashboard and the alerts, within the caller's org units; masked
 * (values null, `masked: true`) where the savings of the same scope are, under the statistical secrecy rule.
 */
@Injectable()
export class CustomIndicatorValuesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: CustomIndicatorRepository,
    private readonly indicators: IndicatorsService,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  values(user: AuthUser, query: CustomIndicatorQuery) {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const scope = resolveUnitScope(await this.orgUnits.all(em, organisationId), user, query);
      const indicators = await this.repository.definitions(em, organisationId, query.code);
      if (query.code && indicators.length === 0) throw new NotFoundException(`Indicateur personnalisé « ${query.code} » introuvable.`);
      const bucket: Bucket = query.granularity ?? 'year';
      const masked = await this.indicators.masksSmallNumbers(em, user, secrecyScopeOf(organisationId, scope), { cellwise: true });
      const sums = await this.repository.sums(em, organisationId, {
        leafIds: scope.leafIds,
        start: scope.start,
        end: scope.end,
        indicatorIds: indicators.map((i) => i.id),
      });
      const items: CustomIndicatorValueResponse[] = indicators.map((indicator) => {
        const own = sums.filter((r) => r.indicatorId === indicator.id);
        const buckets = [...new Set(own.map((r) => bucketOf(r.period, bucket)))].sort();
        return {
          id: indicator.id,
          code: indicator.code,
          label: indicator.label,
          unit: indicator.unit,
          ...maskCustomValue(foldSums(indicator, own).formatted, masked),
          series: buckets.map((period) => ({
            period,
            ...maskCustomValue(
              foldSums(
                indicator,
                own.filter((r) => bucketOf(r.period, bucket) === period),
              ).formatted,
              masked,
            ),
          })),
        };
      });
      const computedAt = await this.repository.computedAt(em, organisationId);
      return {
        scope: { orgUnit: scope.orgUnit.code, orgUnitName: scope.orgUnit.name, from: scope.from, to: scope.to },
        granularity: bucket,
        computedAt,
        items,
        masked,
      };
    });
  }

  /**
   * Value of every custom indicator of the organisation over a unit's leaves and some dates (for alerts), by code: all
   * null, with `masked`, when the caller may not read that scope's small numbers.
   */
  async valuesByCode(
    em: EntityManager,
    user: AuthUser,
    scope: Pick<UnitScope, 'orgUnit' | 'leafIds' | 'start' | 'end'>,
  ): Promise<{ masked: boolean; values: Map<string, Decimal | null> }> {
    const organisationId = user.organisationId;
    const masked = await this.indicators.masksSmallNumbers(em, user, secrecyScopeOf(organisationId, scope), { cellwise: true });
    const indicators = await this.repository.definitions(em, organisationId);
    const sums = masked ? [] : await this.repository.sums(em, organisationId, scope);
    const value = (i: CustomIndicator): Decimal | null =>
      masked
        ? null
        : foldSums(
            i,
            sums.filter((r) => r.indicatorId === i.id),
          ).value;
    return { masked, values: new Map(indicators.map((i) => [i.code, value(i)])) };
  }
}

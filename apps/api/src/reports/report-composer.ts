import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Decimal } from '@levier/indicators';
import type { IndicatorSeries, IndicatorSummary, MaybeDecimal, MethodologyVersionRef, PayerSeries, SeriesBound } from '@levier/contracts';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { TenantDb } from '../platform/database/tenant-db';
import { IndicatorsService } from '../indicators/savings/indicators.service';
import type { IndicatorScopeQuery, IndicatorSeriesQuery } from '../indicators/savings/indicator-query.dto';
import { withIsoDates } from '../platform/http/iso-dates.mapper';
import type { AuthUser } from '../tenancy/auth-user';
import { RecipientRights } from './recipient-rights';
import { UnsubscribeLinks } from './unsubscribe-links';
import {
  asReportLanguage,
  DEFAULT_REPORT_INDICATORS,
  Headline,
  PublicHeadline,
  REPORT_INDICATORS,
  ReportLanguage,
  ReportContent,
  ReportSection,
  SeriesPoint,
  TargetLine,
} from './report-content';
import { reportMessages } from './report-i18n';
import { granularityOfPeriod, previousPeriod, reportRange, ReportCoverage, trailingRange, yearToDate } from './report-period';
import type { ReportSubscription } from './report-subscription.entity';
import { ReportReadsRepository } from './report-reads.repository';

/** A period series item's bound: the gross savings themselves, or the indicators at that bound. */
const boundOf = (bound: SeriesBound | undefined): MaybeDecimal =>
  typeof bound === 'string' || bound === null || bound === undefined ? (bound ?? null) : (bound.grossSavings ?? null);

/** A headline indicator of a summary by its name (`netSavings`, `publicOffsetRatio`…): its decimal, or null. */
const indicatorOf = (summary: IndicatorSummary, indicator: string): MaybeDecimal => {
  const raw: unknown = new Map<string, unknown>(Object.entries(summary)).get(indicator);
  return typeof raw === 'string' ? raw : null;
};

/** Public money (conventions 2): the public figures, and the households' net apart (all payers − public, exact decimals). */
const publicOf = (s: IndicatorSummary): PublicHeadline | null => {
  if (s.publicNetSavings === undefined) return null;
  const net = s.publicNetSavings ?? null;
  return {
    publicNetSavings: net,
    publicSavings: s.publicSavings ?? null,
    publicCost: s.publicCost ?? null,
    publicOffsetRatio: s.publicOffsetRatio ?? null,
    householdsNetSavings: net === null || s.netSavings === null ? null : new Decimal(s.netSavings).minus(net).toFixed(2),
  };
};

const headlineOf = (s: IndicatorSummary): Headline => ({
  grossSavings: s.grossSavings,
  cost: s.cost,
  netSavings: s.netSavings,
  offsetRatio: s.offsetRatio,
  cashable: s.cashable,
  low: s.ranges?.low?.grossSavings ?? null,
  high: s.ranges?.high?.grossSavings ?? null,
  public: publicOf(s),
});

/** Whether a summary rests on computed values (a period without them has none: « non disponible », never 0 €). */
const hasFigures = (s: IndicatorSummary): boolean => s.computedAt !== null && s.computedAt !== undefined;

/** The methodology version a summary was computed with (an object from the API). */
const versionOf = (s: IndicatorSummary): MethodologyVersionRef | null => (typeof s.methodologyVersion === 'object' ? s.methodologyVersion : null);

const EMPTY_HEADLINE: Headline = { grossSavings: null, cost: null, netSavings: null, offsetRatio: null, cashable: null, low: null, high: null };

const latest = (values: readonly (Date | string | null)[]): string | null => {
  const times = values.filter((v): v is Date | string => v !== null).map((v) => new Date(v).getTime());
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
};

const periodsBetween = (from: string, to: string): string[] => {
  const out = [to];
  while (out[0] !== from && out.length < 60) out.unshift(previousPeriod(out[0]));
  return out;
};

/**
 * Computes what one recipient may read of one subscription for one period: a section per org unit (× service when the
 * subscription names services), each through `IndicatorsService` under the recipient's own `AuthUser`, so the
 * dashboard's scoping and small-number masking apply unchanged. A unit the recipient cannot see is left out.
 */
@Injectable()
export class ReportComposer {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly tenantDb: TenantDb,
    private readonly rights: RecipientRights,
    private readonly links: UnsubscribeLinks,
    private readonly reads: ReportReadsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scope's summary as `GET /api/indicators/summary` answers it (the contract's type). */
  private summary(user: AuthUser, query: IndicatorScopeQuery): Promise<IndicatorSummary> {
    return this.indicators.summary(user, query).then(withIsoDates);
  }

  /** The scope's series by period as `GET /api/indicators/series` answers it. */
  private async periodSeries(user: AuthUser, query: IndicatorSeriesQuery & { groupBy: 'period' }): Promise<IndicatorSeries> {
    const series: IndicatorSeries | PayerSeries = await this.indicators.series(user, query);
    if (series.groupBy === 'payer') throw new Error('a series by period was asked, a series by payer came back');
    return series;
  }

  /** Null when the recipient may see none of the scope. */
  async compose(subscription: ReportSubscription, recipient: string, period: string, options: { preview: boolean; now: Date }): Promise<ReportContent | null> {
    const { user } = await this.tenantDb.run(subscription.organisationId, (em) =>
      this.rights.resolve(em, subscription.organisationId, recipient, subscription.orgUnits),
    );
    const scopes: { orgUnit: string; service: string | undefined }[] = subscription.orgUnits.flatMap(
      (orgUnit): { orgUnit: string; service: string | undefined }[] =>
        subscription.services.length === 0 ? [{ orgUnit, service: undefined }] : subscription.services.map((service) => ({ orgUnit, service })),
    );
    const language = asReportLanguage(subscription.language);
    const sections: ReportSection[] = [];
    const summaries: IndicatorSummary[] = [];
    for (const scope of scopes) {
      const section = await this.section(user, scope.orgUnit, scope.service, period, subscription.periodCovered ?? 'month', language);
      if (section) {
        sections.push(section.section);
        summaries.push(section.summary);
      }
    }
    if (sections.length === 0) return null;
    if (subscription.services.length > 0) {
      const labels = await this.tenantDb.run(subscription.organisationId, (em) =>
        this.reads.serviceLabels(em, subscription.organisationId, subscription.services),
      );
      for (const section of sections) section.serviceName = section.service === null ? null : (labels.get(section.service) ?? null);
    }
    const organisationName = await this.tenantDb.run(subscription.organisationId, (em) => this.reads.organisationName(em, subscription.organisationId));
    const indicators = REPORT_INDICATORS.filter((i) =>
      (subscription.indicators.length === 0 ? DEFAULT_REPORT_INDICATORS : subscription.indicators).includes(i),
    );
    const version = summaries.map(versionOf).find((v) => v !== null) ?? null;
    // the admin's hash route: `/#/?orgUnit=…&from=…&to=…` opens the dashboard on the report's scope and dates
    const range = reportRange(subscription.periodCovered ?? 'month', period);
    const search = new URLSearchParams({ orgUnit: sections[0].orgUnit.code, from: range.from, to: range.to });
    if (subscription.services.length === 1) search.set('service', subscription.services[0]);
    const dashboard = new URL('/', this.config.appUrl);
    dashboard.hash = `/?${search.toString()}`;
    return {
      organisationName,
      subscriptionName: subscription.name,
      period,
      coverage: subscription.periodCovered ?? 'month',
      preview: options.preview,
      language,
      indicators: indicators.length > 0 ? indicators : DEFAULT_REPORT_INDICATORS,
      methodology: version ? { version: version.version, label: version.label } : null,
      computedAt: latest(summaries.map((s) => s.computedAt ?? null)),
      dataAsOf: latest(summaries.map((s) => s.dataAsOf ?? null)),
      generatedAt: options.now,
      sections,
      dashboardUrl: dashboard.toString(),
      unsubscribeUrl: this.links.url({ o: subscription.organisationId, s: subscription.id, r: recipient }),
    };
  }

  private async section(
    user: AuthUser,
    orgUnit: string,
    service: string | undefined,
    period: string,
    coverage: ReportCoverage,
    language: ReportLanguage,
  ): Promise<{ section: ReportSection; summary: IndicatorSummary } | null> {
    const range = reportRange(coverage, period);
    const trend = trailingRange(period);
    let current: IndicatorSummary;
    try {
      current = await this.summary(user, { orgUnit, service, from: range.from, to: range.to });
    } catch (err) {
      if (err instanceof NotFoundException) return null;
      throw err;
    }
    const [before, series, targets] = await Promise.all([
      this.summary(user, { orgUnit, service, from: range.previous.from, to: range.previous.to }),
      this.periodSeries(user, {
        orgUnit,
        service,
        from: trend.from,
        to: trend.to,
        groupBy: 'period',
        granularity: trend.granularity,
      }),
      this.targets(user, orgUnit, service, period, language),
    ]);
    const byPeriod = new Map(series.items.map((i) => [i.key, i]));
    const points: SeriesPoint[] = periodsBetween(trend.from, trend.to).map((p) => {
      const item = byPeriod.get(p);
      return item
        ? {
            period: p,
            present: true,
            values: {
              grossSavings: item.grossSavings,
              cost: item.cost,
              netSavings: item.netSavings,
              offsetRatio: item.offsetRatio,
              cashable: item.cashable ?? null,
              low: boundOf(item.low),
              high: boundOf(item.high),
            },
          }
        : { period: p, present: false, values: EMPTY_HEADLINE };
    });
    return {
      summary: current,
      section: {
        orgUnit: { code: current.scope?.orgUnit ?? orgUnit, name: current.scope?.orgUnitName ?? orgUnit },
        service: service ?? null,
        masked: current.masked === true || before.masked === true || series.masked === true,
        // a period without computed values has no figures (« non disponible »), never 0 € nor an « évolution » from 0
        current: hasFigures(current) ? headlineOf(current) : EMPTY_HEADLINE,
        previous: hasFigures(before) ? headlineOf(before) : EMPTY_HEADLINE,
        previousPeriod: range.previous.label,
        hasData: hasFigures(current),
        series: points,
        targets,
      },
    };
  }

  /** Targets and thresholds of the period's year for the unit (table `indicator_target`; often empty), against the year to date. */
  private async targets(user: AuthUser, orgUnit: string, service: string | undefined, period: string, language: ReportLanguage): Promise<TargetLine[]> {
    const ytd = yearToDate(period);
    const rows = await this.tenantDb.run(user.organisationId, (em) => this.reads.targets(em, user.organisationId, orgUnit, ytd.year));
    if (rows.length === 0) return [];
    const summary = await this.summary(user, {
      orgUnit,
      service,
      from: ytd.from,
      to: granularityOfPeriod(period) === 'year' ? period : ytd.to,
    });
    return rows.map((r) => {
      const value = indicatorOf(summary, r.indicator);
      const status: TargetLine['status'] =
        value === null
          ? 'unknown'
          : r.alertBelow !== null && new Decimal(value).lessThan(r.alertBelow)
            ? 'below'
            : r.alertAbove !== null && new Decimal(value).greaterThan(r.alertAbove)
              ? 'above'
              : 'ok';
      return {
        indicator: r.indicator,
        label: (reportMessages(language).indicators as Record<string, string>)[r.indicator] ?? r.indicator,
        year: ytd.year,
        value: summary.masked ? null : value,
        target: r.target,
        alertBelow: r.alertBelow,
        alertAbove: r.alertAbove,
        status: summary.masked ? 'unknown' : status,
      };
    });
  }
}

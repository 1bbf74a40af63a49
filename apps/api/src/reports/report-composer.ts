import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Decimal } from '@levier/indicators';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { TenantDb } from '../platform/database/tenant-db';
import { IndicatorsService } from '../indicators/indicators.service';
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

/** The fields of `IndicatorsService.summary` that a report reads (values are null when masked). */
interface SummaryLike {
  grossSavings: string | null;
  cost: string | null;
  netSavings: string | null;
  offsetRatio: string | null;
  cashable: string | null;
  /** Conventions 2 only: the same without the households' share. */
  publicSavings?: string | null;
  publicCost?: string | null;
  publicNetSavings?: string | null;
  publicOffsetRatio?: string | null;
  ranges: { low: { grossSavings: string | null }; high: { grossSavings: string | null } };
  methodologyVersion: { version: number; label: string } | null;
  computedAt: Date | string | null;
  dataAsOf: Date | string | null;
  scope: { orgUnit: string; orgUnitName: string };
  masked: boolean;
}

interface SeriesItemLike {
  key: string;
  grossSavings: string | null;
  cost: string | null;
  netSavings: string | null;
  offsetRatio: string | null;
  cashable: string | null;
  low: string | null;
  high: string | null;
}

/** Public money (conventions 2): the public figures, and the households' net apart (all payers − public, exact decimals). */
const publicOf = (s: SummaryLike): PublicHeadline | null => {
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

const headlineOf = (s: SummaryLike): Headline => ({
  grossSavings: s.grossSavings,
  cost: s.cost,
  netSavings: s.netSavings,
  offsetRatio: s.offsetRatio,
  cashable: s.cashable,
  low: s.ranges.low.grossSavings,
  high: s.ranges.high.grossSavings,
  public: publicOf(s),
});

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const summaries: SummaryLike[] = [];
    for (const scope of scopes) {
      const section = await this.section(user, scope.orgUnit, scope.service, period, subscription.periodCovered ?? 'month', language);
      if (section) {
        sections.push(section.section);
        summaries.push(section.summary);
      }
    }
    if (sections.length === 0) return null;
    const organisationName = await this.tenantDb.run(subscription.organisationId, async (em) => {
      const rows: { name: string }[] = await em.query(`SELECT name FROM organisation WHERE id = $1`, [subscription.organisationId]);
      return rows[0]?.name ?? '';
    });
    const indicators = REPORT_INDICATORS.filter((i) =>
      (subscription.indicators.length === 0 ? DEFAULT_REPORT_INDICATORS : subscription.indicators).includes(i),
    );
    const version = summaries.find((s) => s.methodologyVersion !== null)?.methodologyVersion ?? null;
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
      computedAt: latest(summaries.map((s) => s.computedAt)),
      dataAsOf: latest(summaries.map((s) => s.dataAsOf)),
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
  ): Promise<{ section: ReportSection; summary: SummaryLike } | null> {
    const range = reportRange(coverage, period);
    const trend = trailingRange(period);
    let current: SummaryLike;
    try {
      current = (await this.indicators.summary(user, { orgUnit, service, from: range.from, to: range.to })) as unknown as SummaryLike;
    } catch (err) {
      if (err instanceof NotFoundException) return null;
      throw err;
    }
    const [before, series, targets] = await Promise.all([
      this.indicators.summary(user, { orgUnit, service, from: range.previous.from, to: range.previous.to }) as unknown as Promise<SummaryLike>,
      this.indicators.series(user, {
        orgUnit,
        service,
        from: trend.from,
        to: trend.to,
        groupBy: 'period',
        granularity: trend.granularity,
      }) as unknown as Promise<{ items: SeriesItemLike[]; masked: boolean }>,
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
              cashable: item.cashable,
              low: item.low,
              high: item.high,
            },
          }
        : { period: p, present: false, values: EMPTY_HEADLINE };
    });
    return {
      summary: current,
      section: {
        orgUnit: { code: current.scope.orgUnit, name: current.scope.orgUnitName },
        service: service ?? null,
        masked: current.masked || before.masked || series.masked,
        // a period without computed values has no figures (« non disponible »), never 0 € nor an « évolution » from 0
        current: current.computedAt === null ? EMPTY_HEADLINE : headlineOf(current),
        previous: before.computedAt === null ? EMPTY_HEADLINE : headlineOf(before),
        previousPeriod: range.previous.label,
        hasData: current.computedAt !== null,
        series: points,
        targets,
      },
    };
  }

  /** Targets and thresholds of the period's year for the unit (table `indicator_target`; often empty), against the year to date. */
  private async targets(user: AuthUser, orgUnit: string, service: string | undefined, period: string, language: ReportLanguage): Promise<TargetLine[]> {
    const ytd = yearToDate(period);
    const rows: { indicator: string; target: string | null; alert_below: string | null; alert_above: string | null }[] = await this.tenantDb.run(
      user.organisationId,
      (em) =>
        em.query(
          `SELECT t.indicator, t.target::text AS target, t.alert_below::text AS alert_below, t.alert_above::text AS alert_above
           FROM indicator_target t JOIN org_unit u ON u.id = t.org_unit_id
          WHERE t.organisation_id = $1 AND u.code = $2 AND t.year = $3 ORDER BY t.indicator`,
          [user.organisationId, orgUnit, ytd.year],
        ),
    );
    if (rows.length === 0) return [];
    const summary = (await this.indicators.summary(user, {
      orgUnit,
      service,
      from: ytd.from,
      to: granularityOfPeriod(period) === 'year' ? period : ytd.to,
    })) as unknown as Record<string, unknown> & SummaryLike;
    return rows.map((r) => {
      const raw = summary[r.indicator];
      const value = typeof raw === 'string' ? raw : null;
      const status: TargetLine['status'] =
        value === null
          ? 'unknown'
          : r.alert_below !== null && new Decimal(value).lessThan(r.alert_below)
            ? 'below'
            : r.alert_above !== null && new Decimal(value).greaterThan(r.alert_above)
              ? 'above'
              : 'ok';
      return {
        indicator: r.indicator,
        label: (reportMessages(language).indicators as Record<string, string>)[r.indicator] ?? r.indicator,
        year: ytd.year,
        value: summary.masked ? null : value,
        target: r.target,
        alertBelow: r.alert_below,
        alertAbove: r.alert_above,
        status: summary.masked ? 'unknown' : status,
      };
    });
  }
}

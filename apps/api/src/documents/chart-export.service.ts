import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../tenancy/auth-user';
import { IndicatorsService } from '../indicators/savings/indicators.service';
import { TenantDb } from '../platform/database/tenant-db';
import { DocumentsRepository } from './documents.repository';
import { chartCsv, chartXlsx, ChartFile, ChartTable, ExportCell } from './chart-export';
import type { DocumentLanguage } from './document-model';
import { documentWords, writeStamp } from './document-words';
import type { ExportChart, ExportFormat } from './document-query.dto';

const WORDS = {
  fr: {
    titles: {
      summary: 'Chiffres clés',
      series: 'Coûts évités et coût des services par période',
      services: 'Résultats par service',
      payers: 'Coûts évités par payeur',
      ledger: 'Qui paie, qui économise ?',
    } as Record<ExportChart, string>,
    indicator: 'Indicateur',
    central: 'Central',
    low: 'Hypothèse basse',
    high: 'Hypothèse haute',
    period: 'Période',
    service: 'Service',
    code: 'Code',
    payer: 'Payeur',
    masked: 'masqué (moins de 5 bénéficiaires)',
    avoided: 'Coûts évités',
    borne: 'Coût supporté',
    net: 'Solde net',
  },
  en: {
    titles: {
      summary: 'Key figures',
      series: 'Avoided costs and cost of services by period',
      services: 'Results by service',
      payers: 'Avoided costs by payer',
      ledger: 'Who pays, who saves?',
    } as Record<ExportChart, string>,
    indicator: 'Indicator',
    central: 'Central',
    low: 'Low assumptions',
    high: 'High assumptions',
    period: 'Period',
    service: 'Service',
    code: 'Code',
    payer: 'Payer',
    masked: 'masked (fewer than 5 beneficiaries)',
    avoided: 'Avoided costs',
    borne: 'Cost borne',
    net: 'Net',
  },
};

const INDICATORS_FR: Record<string, string> = {
  grossSavings: 'Coûts évités (bruts)',
  cost: 'Coût des services',
  netSavings: 'Épargne médico-sociale nette',
  offsetRatio: 'Coûts évités pour 1 € investi',
  publicSavings: 'Coûts évités — finances publiques',
  publicCost: 'Coût des services — finances publiques',
  publicNetSavings: 'Épargne médico-sociale nette — finances publiques',
  publicOffsetRatio: 'Coûts évités pour 1 € public investi',
  cashable: 'Part encaissable',
};
const INDICATORS_EN: Record<string, string> = {
  grossSavings: 'Avoided costs (gross)',
  cost: 'Cost of services',
  netSavings: 'Net medico-social savings',
  offsetRatio: 'Avoided costs per €1 invested',
  publicSavings: 'Avoided costs — public money',
  publicCost: 'Cost of services — public money',
  publicNetSavings: 'Net medico-social savings — public money',
  publicOffsetRatio: 'Avoided costs per public €1 invested',
  cashable: 'Cashable share',
};

const text = (t: string): ExportCell => ({ text: t });
const money = (v: unknown): ExportCell => ({ number: typeof v === 'string' ? v : null, kind: 'money' });
const ratio = (v: unknown): ExportCell => ({ number: typeof v === 'string' ? v : null, kind: 'ratio' });

/** Every dashboard chart's data as a stamped CSV or XLSX file (issue 19 item 5), read under the caller's rights. */
@Injectable()
export class ChartExportService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: DocumentsRepository,
    private readonly indicators: IndicatorsService,
  ) {}

  async export(
    user: AuthUser,
    query: { orgUnit?: string; from?: string; to?: string },
    chart: ExportChart,
    format: ExportFormat,
    language: DocumentLanguage,
  ): Promise<ChartFile> {
    const table = await this.table(user, query, chart, language);
    return format === 'xlsx' ? chartXlsx(table) : chartCsv(table);
  }

  async table(user: AuthUser, query: { orgUnit?: string; from?: string; to?: string }, chart: ExportChart, language: DocumentLanguage): Promise<ChartTable> {
    const scope = { ...(query.orgUnit ? { orgUnit: query.orgUnit } : {}), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
    const summary = await this.indicators.summary(user, scope);
    const organisation = await this.tenantDb.run(user.organisationId, (em) => this.repository.organisation(em, user.organisationId));
    const w = documentWords(language);
    const t = WORDS[language];
    const labels = language === 'en' ? INDICATORS_EN : INDICATORS_FR;
    const s = summary as unknown as Record<string, unknown> & { ranges: { low: Record<string, unknown>; high: Record<string, unknown> } };
    let headers: string[];
    let rows: ExportCell[][];
    let basis: unknown;
    switch (chart) {
      case 'summary': {
        const keys = Object.keys(labels).filter((k) => k in s);
        headers = [t.indicator, t.central, t.low, t.high];
        rows = keys.map((k) => {
          const cell = k.endsWith('OffsetRatio') || k === 'offsetRatio' ? ratio : money;
          return [text(labels[k]), cell(s[k]), cell(s.ranges.low[k]), cell(s.ranges.high[k])];
        });
        basis = { values: keys.map((k) => [k, s[k], s.ranges.low[k], s.ranges.high[k]]) };
        break;
      }
      case 'series':
      case 'services': {
        const series = await this.indicators.series(user, { ...scope, groupBy: chart === 'series' ? 'period' : 'service' });
        const items = series.items as unknown as (Record<string, unknown> & { key: string; label: string })[];
        headers = [
          chart === 'series' ? t.period : t.service,
          ...(chart === 'services' ? [t.code] : []),
          labels.grossSavings,
          labels.cost,
          labels.netSavings,
          labels.offsetRatio,
          `${labels.grossSavings} — ${t.low}`,
          `${labels.grossSavings} — ${t.high}`,
        ];
        rows = items.map((i) => [
          text(chart === 'series' ? w.write.period(i.key) : i.label),
          ...(chart === 'services' ? [text(i.key)] : []),
          money(i.grossSavings),
          money(i.cost),
          money(i.netSavings),
          ratio(i.offsetRatio),
          money(i.low),
          money(i.high),
        ]);
        basis = items.map((i) => [i.key, i.grossSavings, i.cost, i.netSavings, i.offsetRatio, i.low, i.high]);
        break;
      }
      case 'payers': {
        const series = await this.indicators.series(user, { ...scope, groupBy: 'payer' });
        const items = series.items as unknown as {
          key: string;
          amount: string | null;
          low: string | null;
          high: string | null;
          cost?: string | null;
          net?: string | null;
        }[];
        headers = [t.payer, t.avoided, t.low, t.high];
        rows = items.map((i) => [text(w.payers[i.key] ?? i.key), money(i.amount), money(i.low), money(i.high)]);
        basis = items;
        break;
      }
      case 'ledger': {
        const ledger = (s.ledger ?? {}) as Record<string, { avoided: string; cost: string; net: string }>;
        headers = [t.payer, t.avoided, t.borne, t.net];
        rows = Object.entries(ledger).map(([payer, l]) => [text(w.payers[payer] ?? payer), money(l.avoided), money(l.cost), money(l.net)]);
        basis = ledger;
        break;
      }
    }
    if (summary.masked) rows = rows.map((r) => r.map((c) => ('text' in c ? c : { text: t.masked })));
    const period = w.range(summary.scope.from, summary.scope.to);
    const version = summary.methodologyVersion;
    return {
      chart,
      language,
      title: t.titles[chart],
      headers,
      rows,
      stamp: writeStamp(w, {
        organisation: organisation.name,
        scope: summary.scope.orgUnitName,
        period,
        methodology: version ? { version: version.version, label: version.label, effectiveFrom: version.effectiveFrom } : null,
        conventions: summary.conventions,
        dataAsOf: summary.dataAsOf ?? null,
        computedAt: summary.computedAt ?? null,
      }),
      basis: { scope: summary.scope, masked: summary.masked, methodology: version?.version ?? null, conventions: summary.conventions, data: basis },
    };
  }
}

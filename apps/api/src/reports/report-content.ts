/** What a report email says, computed once per recipient under their rights, then written as HTML, CSV, XLSX and PDF. */
import type { ReportCoverage } from './report-period';

export const REPORT_INDICATORS = ['grossSavings', 'cost', 'netSavings', 'offsetRatio', 'cashable'] as const;
export type ReportIndicator = (typeof REPORT_INDICATORS)[number];
export const DEFAULT_REPORT_INDICATORS: readonly ReportIndicator[] = ['grossSavings', 'cost', 'netSavings', 'offsetRatio'];

export const INDICATOR_LABELS: Record<ReportIndicator, string> = {
  grossSavings: 'Coûts évités (bruts)',
  cost: 'Coût des services',
  netSavings: 'Épargne médico-sociale nette',
  offsetRatio: 'Coûts évités pour 1 € investi',
  cashable: 'Part encaissable',
};

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Language of a subscription's emails, attachments and unsubscribe pages; French by default. */
export const REPORT_LANGUAGES = ['fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const DEFAULT_REPORT_LANGUAGE: ReportLanguage = 'fr';

/** The stored `language` column (a plain varchar) read as a report language; anything unknown falls back to French. */
export const asReportLanguage = (value: string | null | undefined): ReportLanguage => REPORT_LANGUAGES.find((l) => l === value) ?? DEFAULT_REPORT_LANGUAGE;

/**
 * Public money (conventions 2): the same figures without the households' (usagers) share, shown first; the households'
 * part of the net apart (all payers − public).
 */
export interface PublicHeadline {
  publicNetSavings: string | null;
  publicSavings: string | null;
  publicCost: string | null;
  publicOffsetRatio: string | null;
  householdsNetSavings: string | null;
}

/** Headline values of one period: decimal strings, null when masked or not computable. */
export type Headline = Record<ReportIndicator, string | null> & {
  low: string | null;
  high: string | null;
  /** Conventions 2 only: public money first; absent or null under conventions 1. */
  public?: PublicHeadline | null;
};

export interface SeriesPoint {
  period: string;
  /** False when the read model has nothing for that period. */
  present: boolean;
  values: Headline;
}

export interface TargetLine {
  indicator: string;
  label: string;
  year: number;
  /** Year-to-date value compared with the annual target and thresholds. */
  value: string | null;
  target: string | null;
  alertBelow: string | null;
  alertAbove: string | null;
  status: 'ok' | 'below' | 'above' | 'unknown';
}

export interface ReportSection {
  orgUnit: { code: string; name: string };
  service: string | null;
  /** The service's label, when the section is one service's (a report names it in words, never by its code). */
  serviceName?: string | null;
  masked: boolean;
  current: Headline;
  previous: Headline;
  previousPeriod: string;
  hasData: boolean;
  series: SeriesPoint[];
  targets: TargetLine[];
}

export interface ReportContent {
  organisationName: string;
  subscriptionName: string;
  period: string;
  /** What the period covers: a month, quarter or year, or the year to date ending with `period` (« cumul de l’année … à fin … »). */
  coverage?: ReportCoverage;
  preview: boolean;
  language: ReportLanguage;
  indicators: readonly ReportIndicator[];
  methodology: { version: number; label: string } | null;
  computedAt: string | null;
  dataAsOf: string | null;
  generatedAt: Date;
  sections: ReportSection[];
  dashboardUrl: string;
  unsubscribeUrl: string;
}

/** « CCAS de Valmont — service Portage de repas à domicile »: words only, the unit's and the service's codes stay out. */
export const scopeLabel = (section: Pick<ReportSection, 'orgUnit' | 'service' | 'serviceName'>): string =>
  `${section.orgUnit.name}${section.service ? ` — service ${section.serviceName ?? section.service}` : ''}`;

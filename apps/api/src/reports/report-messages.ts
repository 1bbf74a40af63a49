import type { Decimal } from '@levier/indicators';
import type { PublicHeadline, ReportIndicator, ReportLanguage, TargetLine } from './report-content';
import type { ReportCoverage } from './report-period';

/** How one language writes numbers, money, periods and dates in reports. */
export interface ReportWriting {
  /** Shown in place of a figure resting on fewer than 5 beneficiaries. */
  masked: string;
  number(value: string, decimals: number): string;
  euros(value: string | null | undefined, masked?: boolean): string;
  ratio(value: string | null | undefined, masked?: boolean): string;
  offsetSentence(ratio: string | null | undefined, masked?: boolean): string;
  change(current: string | null, previous: string | null): string;
  /** Chart axis labels (`45 k€`, `€45k`). */
  compactEuros(value: Decimal): string;
  period(code: string): string;
  /** The period a report covers in words: the period itself, or for a year to date « cumul de l’année 2026 à fin novembre ». */
  coveredPeriod(coverage: ReportCoverage, code: string): string;
  /** An instant in Europe/Paris time. */
  dateTime(value: Date | string | null): string;
}

export type MethodologyRef = { version: number; label: string } | null;

/**
 * Every word of a report email, its attachments and the unsubscribe pages, in one language. Functions take values
 * already written (numbers, periods, dates) and return plain text: the HTML templates escape what they insert.
 */
export interface ReportMessages {
  lang: ReportLanguage;
  /** Between a label and its value: « : » in French, ": " in English. */
  colon: string;
  write: ReportWriting;
  indicators: Record<ReportIndicator, string>;
  /** Public money first (conventions 2): its labels, the heading of the all-payer rows that follow. */
  publicMoney: Record<keyof PublicHeadline, string> & { allPayers: string };
  /** « Épargne médico-sociale »: the report's title line, before the period. */
  reportTitle: string;
  /** Appended to the title line of a preview. */
  previewTag: string;
  /** Put before the subject of a preview. */
  subjectPreviewPrefix: string;
  scope: string;
  offsetRatio: string;
  email: {
    indicatorColumn: string;
    changeColumn: string;
    noData(period: string): string;
    maskedNotice: string;
    noTargets(year: string): string;
    targetsTitle: string;
    grossRange: string;
    chartAlt(scope: string): string;
    methodology(methodology: MethodologyRef): string;
    freshness(computedAt: string, dataAsOf: string): string;
    openDashboard: string;
    footer(subscriptionName: string): string;
    unsubscribe: string;
    noLogin: string;
  };
  target: {
    below(threshold: string): string;
    above(threshold: string): string;
    within: string;
    line(t: Pick<TargetLine, 'label' | 'year'>, value: string, target: string | null, state: string): string;
  };
  text: {
    range: string;
    methodology(methodology: MethodologyRef): string;
    computed(computedAt: string, dataAsOf: string): string;
    dashboard: string;
    unsubscribe: string;
  };
  chart: {
    title(scope: string): string;
    grossSavings: string;
    cost: string;
    maskedValues: string;
    noData: string;
    /** Under a period without data in the chart (never a zero bar). */
    noDataPeriod: string;
    /** Name of the inline PNG, before its number. */
    file: string;
  };
  files: {
    baseName(period: string): string;
    csvSeparator: string;
    unit: string;
    service: string;
    period: string;
    grossLow: string;
    grossHigh: string;
    /** In the cells of a period without data: never 0, never blank. */
    noData: string;
    sheet: string;
    /** Excel number format of money cells. */
    moneyFormat: string;
    stamp(methodology: MethodologyRef, dataAsOf: string, computedAt: string): string;
  };
  pdf: {
    noData(period: string): string;
    grossRange: string;
    target(t: Pick<TargetLine, 'label' | 'year' | 'status'>, value: string): string;
  };
  unsubscribe: {
    invalidTitle: string;
    invalidBody: string;
    confirmTitle: string;
    confirmBody(recipient: string, subscriptionName: string | null): string;
    confirmButton: string;
    confirmNote: string;
    doneTitle: string;
    doneBody(recipient: string, subscriptionName: string | null, already: boolean): string;
  };
}

import { ReportIndicator, ReportLanguage } from './report-content';
import type { ReportMessages } from './report-messages';
import { ENGLISH_MESSAGES } from './report-messages-en';
import { FRENCH_MESSAGES } from './report-messages-fr';

/** The message catalogue of report emails, attachments and unsubscribe pages, one entry per subscription language. */
export const REPORT_MESSAGES: Record<ReportLanguage, ReportMessages> = { fr: FRENCH_MESSAGES, en: ENGLISH_MESSAGES };

export const reportMessages = (language: ReportLanguage): ReportMessages => REPORT_MESSAGES[language];

/** A headline value (money in euros, avoided costs per euro invested with two decimals) in the catalogue's writing. */
export const writeIndicator = (m: ReportMessages, indicator: ReportIndicator, value: string | null, masked: boolean): string =>
  indicator === 'offsetRatio' ? m.write.ratio(value, masked) : m.write.euros(value, masked);

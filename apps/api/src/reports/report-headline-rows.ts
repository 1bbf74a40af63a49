import type { PublicHeadline, ReportContent, ReportSection } from './report-content';
import type { ReportMessages } from './report-messages';

/** One line of a report's headline: a figure for the period and the one it is compared with, or a heading. */
export type HeadlineRow =
  | { kind: 'value'; key: string; label: string; current: string | null; previous: string | null; ratio: boolean }
  | { kind: 'heading'; key: string; label: string };

const PUBLIC_FIRST: readonly (keyof PublicHeadline)[] = ['publicNetSavings', 'publicSavings', 'publicCost', 'publicOffsetRatio'];

/**
 * The rows of a section's headline, in reading order. Under conventions 2, public money first: the public payers' net,
 * avoided costs, cost and ratio; then the all-payer figures the subscription chose, under their heading; then the
 * households' net apart. Under conventions 1, the chosen figures alone.
 */
export const headlineRows = (m: ReportMessages, content: Pick<ReportContent, 'indicators'>, section: ReportSection): HeadlineRow[] => {
  const current = section.current.public ?? null;
  const previous = section.previous.public ?? null;
  const chosen: HeadlineRow[] = content.indicators.map((indicator) => ({
    kind: 'value',
    key: indicator,
    label: m.indicators[indicator],
    current: section.current[indicator],
    previous: section.previous[indicator],
    ratio: indicator === 'offsetRatio',
  }));
  if (current === null && previous === null) return chosen;
  const publicRow = (key: keyof PublicHeadline): HeadlineRow => ({
    kind: 'value',
    key,
    label: m.publicMoney[key],
    current: current?.[key] ?? null,
    previous: previous?.[key] ?? null,
    ratio: key === 'publicOffsetRatio',
  });
  return [...PUBLIC_FIRST.map(publicRow), { kind: 'heading', key: 'allPayers', label: m.publicMoney.allPayers }, ...chosen, publicRow('householdsNetSavings')];
};

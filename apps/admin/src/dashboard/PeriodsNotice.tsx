import { Alert, Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Scope } from './scope.types';
import { monthList, rangeNotices, type ScopePeriods } from './scope-periods';

/**
 * What the figures of the range rest on: incomplete months, months still drafts (and, « tel que publié », left out),
 * months without data (« pas de données », never 0 €), and newer months outside the range.
 */
export const PeriodsNotice = ({ scope, periods }: { scope: Scope; periods: ScopePeriods | null | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!periods) return null;
  const n = rangeNotices(periods.months, scope);
  const reported = scope.basis === 'reported';
  const lines: { key: string; severity: 'warning' | 'info'; text: string }[] = [];
  if (n.unapproved.length > 0)
    lines.push({
      key: 'unapproved',
      severity: 'warning',
      text: translate(reported ? 'levier.periods_notice.unapproved_reported' : 'levier.periods_notice.unapproved_current', {
        smart_count: n.unapproved.length,
        months: monthList(n.unapproved, locale),
      }),
    });
  if (n.incomplete.length > 0)
    lines.push({
      key: 'incomplete',
      severity: 'warning',
      text: translate('levier.periods_notice.incomplete', { smart_count: n.incomplete.length, months: monthList(n.incomplete, locale) }),
    });
  if (n.noData.length > 0)
    lines.push({
      key: 'no-data',
      severity: 'info',
      text: translate('levier.periods_notice.no_data', { smart_count: n.noData.length, months: monthList(n.noData, locale) }),
    });
  if (n.newer.length > 0)
    lines.push({
      key: 'newer',
      severity: 'info',
      text: translate('levier.periods_notice.newer', { smart_count: n.newer.length, months: monthList(n.newer, locale) }),
    });
  if (lines.length === 0) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1, mb: 2 }} data-testid="periods-notice">
      {lines.map((l) => (
        <Alert key={l.key} severity={l.severity} data-testid={`periods-notice-${l.key}`}>
          {l.text}
        </Alert>
      ))}
    </Box>
  );
};

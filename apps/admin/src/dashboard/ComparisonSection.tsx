import { Alert, Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useId, useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatPerEuro, intlLocale } from '../format/decimal-format';
import { comparisonColumns, comparisonRows, type Change, type ComparedKey } from './comparison-rules';
import { formatIndicatorValue } from './ExplainDialog';
import type { IndicatorSummary } from '@levier/contracts';
import type { Scope } from './scope.types';
import { periodRangeLabel } from './scope-periods';
import { useIndicatorSummary } from './use-indicators';

const isRatio = (key: ComparedKey): boolean => key === 'offsetRatio' || key === 'publicOffsetRatio';

/** « +15,7 % », or on a zero or negative base the difference itself: « +12 345,00 € », « +0,04 € ». */
export const formatChange = (change: Change, key: ComparedKey, locale: string): string => {
  if (change.kind === 'none') return '—';
  if (change.kind === 'percent')
    return `${change.value > 0 ? '+' : ''}${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(change.value)} %`;
  const text = isRatio(key) ? formatPerEuro(change.value, locale) : formatMoney(change.value, locale);
  return change.value.trim().startsWith('-') ? text : `+${text}`;
};

/**
 * The headline against the previous period of the same length and the same period a year earlier — one column when
 * both are the same months; public money first under conventions 2; no percentage on a zero or negative base.
 */
export const ComparisonSection = ({ scope, summary }: { scope: Scope; summary: IndicatorSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const columns = useMemo(() => comparisonColumns(scope), [scope]);
  const first = useIndicatorSummary(columns[0]?.scope ?? null);
  const second = useIndicatorSummary(columns[1]?.scope ?? null);
  const queries = [first, second].slice(0, columns.length);
  const rows = comparisonRows(
    summary,
    queries.map((q) => q.data),
  );
  const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };
  const differenceUsed = rows.some((r) => r.changes.some((c) => c.kind === 'difference'));
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="comparison">
      <CardContent>
        <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('levier.comparison.title')}
        </Typography>
        {columns.length === 0 ? (
          <Alert severity="info">{translate('levier.comparison.mixed_periods')}</Alert>
        ) : (
          <TableContainer tabIndex={0}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{translate('levier.comparison.indicator')}</TableCell>
                  <TableCell scope="col" align="right">
                    {periodRangeLabel(scope.from, scope.to, locale)}
                  </TableCell>
                  {columns.map((c) => [
                    <TableCell key={`${c.key}-value`} scope="col" align="right" data-testid={`comparison-column-${c.key}`}>
                      {translate(
                        c.key === 'lastYear'
                          ? 'levier.comparison_rules.last_year'
                          : c.alsoLastYear
                            ? 'levier.comparison_rules.previous_same_as_last_year'
                            : 'levier.comparison_rules.previous',
                        { range: periodRangeLabel(c.scope.from, c.scope.to, locale) },
                      )}
                    </TableCell>,
                    <TableCell key={`${c.key}-change`} scope="col" align="right">
                      {translate('levier.comparison.change')}
                    </TableCell>,
                  ])}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.key} data-testid={`comparison-row-${r.key}`}>
                    <TableCell component="th" scope="row">
                      {translate(`levier.headline.${r.key}`)}
                    </TableCell>
                    <TableCell {...num}>{formatIndicatorValue(r.key, r.current, locale)}</TableCell>
                    {columns.map((c, i) => [
                      <TableCell key={`${c.key}-value`} {...num}>
                        {queries[i].isPending ? '…' : formatIndicatorValue(r.key, r.bases[i], locale)}
                      </TableCell>,
                      <TableCell key={`${c.key}-change`} {...num} data-testid={`comparison-change-${r.key}-${c.key}`}>
                        {queries[i].isPending ? '…' : formatChange(r.changes[i], r.key, locale)}
                      </TableCell>,
                    ])}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {differenceUsed ? (
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
            {translate('levier.comparison_rules.difference_note')}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};

import { Alert, Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useId, useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../format/decimal-format';
import { toComparisons } from './chart-data';
import { formatIndicatorValue } from './ExplainDialog';
import type { IndicatorSummary, Scope } from './indicators.types';
import { comparisonScopes } from './scope';
import { useIndicatorSummary } from './use-indicators';

const formatChange = (pct: number | null, locale: string): string =>
  pct === null ? '—' : `${pct > 0 ? '+' : ''}${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(pct)} %`;

/** The headline against the previous period of the same length and the same period a year earlier. */
export const ComparisonSection = ({ scope, summary }: { scope: Scope; summary: IndicatorSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const { previous, lastYear } = useMemo(() => comparisonScopes(scope), [scope]);
  const prev = useIndicatorSummary(previous);
  const yoy = useIndicatorSummary(lastYear);
  const rows = toComparisons(summary, prev.data, yoy.data);
  const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="comparison">
      <CardContent>
        <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('levier.comparison.title')}
        </Typography>
        {!previous || !lastYear ? (
          <Alert severity="info">{translate('levier.comparison.mixed_periods')}</Alert>
        ) : (
          <TableContainer tabIndex={0}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{translate('levier.comparison.indicator')}</TableCell>
                  <TableCell scope="col" align="right">
                    {translate('levier.comparison.current', { from: scope.from, to: scope.to })}
                  </TableCell>
                  <TableCell scope="col" align="right">
                    {translate('levier.comparison.previous', { from: previous.from, to: previous.to })}
                  </TableCell>
                  <TableCell scope="col" align="right">
                    {translate('levier.comparison.change')}
                  </TableCell>
                  <TableCell scope="col" align="right">
                    {translate('levier.comparison.last_year', { from: lastYear.from, to: lastYear.to })}
                  </TableCell>
                  <TableCell scope="col" align="right">
                    {translate('levier.comparison.change')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.key}>
                    <TableCell component="th" scope="row">
                      {translate(`levier.headline.${r.key}`)}
                    </TableCell>
                    <TableCell {...num}>{formatIndicatorValue(r.key, r.current, locale)}</TableCell>
                    <TableCell {...num}>{prev.isPending ? '…' : formatIndicatorValue(r.key, r.previous, locale)}</TableCell>
                    <TableCell {...num}>{formatChange(r.vsPrevious, locale)}</TableCell>
                    <TableCell {...num}>{yoy.isPending ? '…' : formatIndicatorValue(r.key, r.lastYear, locale)}</TableCell>
                    <TableCell {...num}>{formatChange(r.vsLastYear, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
};

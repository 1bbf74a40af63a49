import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useId } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDecimal, formatFixed, formatMoney } from '../format/decimal-format';
import type { IndicatorSummary } from './indicators.types';

/** Events avoided, cost per event, payback, cashable split; then "who saves" by payer. */
export const SummaryDetails = ({ summary }: { summary: IndicatorSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const detailsId = useId();
  const payersId = useId();
  const details: Array<[string, string]> = [
    ['eventsNet', formatDecimal(summary.eventsNet, locale)],
    ['costPerEventAvoided', formatMoney(summary.costPerEventAvoided, locale)],
    ['paybackYears', formatFixed(summary.paybackYears, locale, 1)],
    ['cashable', formatMoney(summary.cashable, locale)],
    ['nonCashable', formatMoney(summary.nonCashable, locale)],
  ];
  const payers = Object.entries(summary.byPayer ?? {});
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, mb: 2 }}>
      <Card component="section" aria-labelledby={detailsId} variant="outlined">
        <CardContent>
          <Typography id={detailsId} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('levier.details.title')}
          </Typography>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 2, rowGap: 0.75, m: 0 }}>
            {details.map(([key, value]) => (
              <Box key={key} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
                  {translate(`levier.details.${key}`)}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
                  {value}
                </Typography>
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>
      <Card component="section" aria-labelledby={payersId} variant="outlined">
        <CardContent>
          <Typography id={payersId} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('levier.payers.title')}
          </Typography>
          {payers.length === 0 ? (
            <Typography variant="body2">{translate('levier.payers.empty')}</Typography>
          ) : (
            <Table size="small" aria-labelledby={payersId}>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{translate('levier.payers.payer')}</TableCell>
                  <TableCell scope="col" align="right">
                    {translate('levier.payers.amount')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {payers.map(([payer, amount]) => (
                  <TableRow key={payer}>
                    <TableCell component="th" scope="row">
                      {translate(`levier.payers.${payer}`, { _: payer })}
                    </TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatMoney(amount, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDecimal, formatFixed, formatMoney } from '../format/decimal-format';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator, IndicatorSummary } from './indicators.types';

/** Events avoided, cost per event avoided, payback, cashable split — each explainable. */
export const SummaryDetails = ({ summary, onExplain }: { summary: IndicatorSummary; onExplain?: (indicator: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const detailsId = useId();
  const details: Array<[string, string, ExplainableIndicator | null]> = [
    ['eventsNet', formatDecimal(summary.eventsNet, locale), null],
    ['costPerEventAvoided', formatMoney(summary.costPerEventAvoided, locale), 'costPerEventAvoided'],
    ['paybackYears', formatFixed(summary.paybackYears, locale, 1), 'paybackYears'],
    ['cashable', formatMoney(summary.cashable, locale), 'cashable'],
    ['nonCashable', formatMoney(summary.nonCashable, locale), null],
  ];
  return (
    <Card component="section" aria-labelledby={detailsId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }}>
      <CardContent>
        <Typography id={detailsId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('levier.details.title')}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '1fr auto auto', columnGap: 2, rowGap: 0.5, m: 0, alignItems: 'center' }}>
          {details.map(([key, value, explain]) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
                {translate(`levier.details.${key}`)}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}
                data-testid={`detail-${key}`}
              >
                {value}
              </Typography>
              <Box component="dd" sx={{ m: 0 }}>
                {explain && onExplain ? <ExplainButton indicator={explain} onExplain={onExplain} /> : null}
              </Box>
            </Box>
          ))}
        </Box>
        {summary.paybackYears === null ? (
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
            {translate('levier.details.payback_blank')}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};

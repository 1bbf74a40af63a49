import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { MaskedValue } from '../common/MaskedValue';
import { decimalSign, formatRatio } from '../format/decimal-format';
import { toHeadlines, type Headline } from './headline';
import type { ExplainableIndicator, IndicatorSummary } from './indicators.types';
import { ExplainButton } from './ExplainButton';

const HeadlineCard = ({ headline, onExplain }: { headline: Headline; onExplain?: (indicator: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const negative = headline.key === 'netSavings' && decimalSign(headline.raw) === -1;
  const help =
    headline.key === 'offsetRatio'
      ? headline.raw === null
        ? translate('levier.headline.offsetRatio_help_blank')
        : translate('levier.headline.offsetRatio_help', { ratio: formatRatio(headline.raw, locale) })
      : translate(`levier.headline.${headline.key}_help`);
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ height: '100%' }} data-testid={`headline-${headline.key}`}>
      <CardContent>
        <Typography id={titleId} component="h3" variant="subtitle2" sx={{ color: 'text.secondary', fontWeight: 600 }}>
          {translate(`levier.headline.${headline.key}`)}
        </Typography>
        <Typography
          component="p"
          variant="h5"
          sx={{ fontWeight: 700, my: 0.5, fontVariantNumeric: 'tabular-nums', color: negative ? 'error.dark' : 'text.primary' }}
          data-testid={`headline-${headline.key}-value`}
        >
          {headline.masked ? <MaskedValue /> : headline.value}
        </Typography>
        {headline.masked ? null : headline.missingReason ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {translate(headline.missingReason)}
          </Typography>
        ) : (
          <>
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {headline.range ? translate('levier.headline.range', headline.range) : translate('levier.headline.range_unknown')}
            </Typography>
            <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5 }}>
              {help}
            </Typography>
          </>
        )}
        {onExplain ? <ExplainButton indicator={headline.key} onExplain={onExplain} /> : null}
      </CardContent>
    </Card>
  );
};

/** Gross savings, cost, net savings, offset ratio — each with its low–high range. */
export const HeadlineCards = ({ summary, onExplain }: { summary: IndicatorSummary; onExplain?: (indicator: ExplainableIndicator) => void }) => {
  const [locale] = useLocaleState();
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' }, mb: 2 }}
    >
      {toHeadlines(summary, locale).map((h) => (
        <HeadlineCard key={h.key} headline={h} onExplain={onExplain} />
      ))}
    </Box>
  );
};

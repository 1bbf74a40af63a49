import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { MaskedValue } from '../common/MaskedValue';
import { decimalSign, formatPerEuro } from '../format/decimal-format';
import { showsPublicFirst, toHeadlines, type Headline } from './headline';
import type { ExplainableIndicator, IndicatorSummary } from '@levier/contracts';
import { ExplainButton } from './ExplainButton';

const HeadlineCard = ({ headline, onExplain }: { headline: Headline; onExplain?: (indicator: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const negative = headline.key === 'netSavings' && decimalSign(headline.raw) === -1;
  const ratio = headline.key === 'offsetRatio';
  const help = ratio
    ? headline.raw === null
      ? translate(`levier.headline.${headline.shown}_help_blank`)
      : translate(`levier.headline.${headline.shown}_help`, { ratio: formatPerEuro(headline.raw, locale) })
    : translate(`levier.headline.${headline.shown}_help`);
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ height: '100%' }} data-testid={`headline-${headline.key}`}>
      <CardContent>
        <Typography id={titleId} component="h3" variant="subtitle2" sx={{ color: 'text.secondary', fontWeight: 600 }}>
          {translate(`levier.headline.${headline.shown}`)}
        </Typography>
        <Typography
          component="p"
          variant="h5"
          sx={{ fontWeight: 700, my: 0.5, fontVariantNumeric: 'tabular-nums', color: negative ? 'error.dark' : 'text.primary' }}
          data-testid={`headline-${headline.key}-value`}
          data-exact={headline.masked ? undefined : headline.exact}
        >
          {headline.masked ? <MaskedValue /> : headline.value}
        </Typography>
        {headline.masked ? null : headline.missingReason ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {translate(headline.missingReason)}
          </Typography>
        ) : (
          <>
            {headline.allPayers !== null ? (
              <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`headline-${headline.key}-all-payers`}>
                {translate('levier.headline.all_payers', { value: headline.allPayers })}
                {headline.households !== null ? ` — ${translate('levier.headline.households', { value: headline.households })}` : null}
              </Typography>
            ) : null}
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
              {headline.range ? translate('levier.headline.range', headline.range) : translate('levier.headline.range_unknown')}
            </Typography>
            <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5 }}>
              {help}
            </Typography>
            {ratio ? null : (
              <Typography
                variant="caption"
                component="p"
                sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
                data-testid={`headline-${headline.key}-exact`}
              >
                {translate('levier.headline.exact', { value: headline.exact })}
                {headline.exactRange ? ` · ${translate('levier.headline.exact_range', headline.exactRange)}` : null}
              </Typography>
            )}
          </>
        )}
        {/* a public card explains the public indicator it shows */}
        {onExplain ? <ExplainButton indicator={headline.shown} onExplain={onExplain} /> : null}
      </CardContent>
    </Card>
  );
};

/**
 * Avoided costs, cost of services, net medico-social savings and avoided costs per euro — each with its low–high range.
 * Under conventions 2, public money first and households apart; under conventions 1 (or a mix), the all-payer figures.
 */
export const HeadlineCards = ({ summary, onExplain }: { summary: IndicatorSummary; onExplain?: (indicator: ExplainableIndicator) => void }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <>
      {showsPublicFirst(summary) ? (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="public-first">
          {translate('levier.headline.public_first')}
        </Typography>
      ) : summary.conventions === null ? (
        <Typography variant="body2" sx={{ mb: 1, color: 'text.secondary' }} data-testid="mixed-conventions">
          {translate('levier.headline.mixed_conventions')}
        </Typography>
      ) : null}
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' }, mb: 2 }}
      >
        {toHeadlines(summary, locale).map((h) => (
          <HeadlineCard key={h.key} headline={h} onExplain={onExplain} />
        ))}
      </Box>
    </>
  );
};

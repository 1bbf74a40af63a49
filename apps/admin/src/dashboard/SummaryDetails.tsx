import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount, formatFixed, formatMoney } from '../format/decimal-format';
import { costPerEvent, outcomeLabel, toEventLines } from './events';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator, IndicatorSummary } from '@levier/contracts';

interface DetailLine {
  key: string;
  label: string;
  value: ReactNode;
  explain: ExplainableIndicator | null;
}

/** Events avoided per kind, cost per event avoided (one kind only), payback, cashable split, sensitivity. */
export const SummaryDetails = ({ summary, onExplain }: { summary: IndicatorSummary; onExplain?: (indicator: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const detailsId = useId();
  const eventsId = useId();
  const events = toEventLines(summary.eventsByOutcome, summary.outcomeLabels);
  const byKind = summary.eventsByOutcome !== undefined && summary.eventsByOutcome !== null;
  const cpe = costPerEvent(summary);
  const details: DetailLine[] = [
    ...(byKind ? [] : [{ key: 'eventsNet', label: translate('levier.details.eventsNet'), value: formatCount(summary.eventsNet, locale), explain: null }]),
    cpe.kind === 'several'
      ? { key: 'costPerEventAvoided', label: translate('levier.details.costPerEventAvoided'), value: translate('levier.details.cpe_multiple'), explain: null }
      : {
          key: 'costPerEventAvoided',
          label:
            cpe.kind === 'single' && cpe.outcome
              ? translate('levier.details.cpe_for', { outcome: cpe.outcome })
              : translate('levier.details.costPerEventAvoided'),
          value: formatMoney(cpe.value, locale),
          explain: 'costPerEventAvoided',
        },
    { key: 'paybackYears', label: translate('levier.details.paybackYears'), value: formatFixed(summary.paybackYears, locale, 1), explain: 'paybackYears' },
    { key: 'cashable', label: translate('levier.details.cashable'), value: formatMoney(summary.cashable, locale), explain: 'cashable' },
    { key: 'nonCashable', label: translate('levier.details.nonCashable'), value: formatMoney(summary.nonCashable, locale), explain: null },
  ];
  const sensitivity = summary.sensitivity ?? [];
  return (
    <Card component="section" aria-labelledby={detailsId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }}>
      <CardContent>
        <Typography id={detailsId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('levier.details.title')}
        </Typography>
        {byKind ? (
          <Box component="section" aria-labelledby={eventsId} sx={{ mb: 1.5 }} data-testid="events-by-kind">
            <Typography id={eventsId} component="h3" variant="body2" sx={{ fontWeight: 600 }}>
              {translate('levier.details.events_by_kind')}
            </Typography>
            {events.length === 0 ? (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {translate('levier.details.events_none')}
              </Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {events.map((e) => (
                  <Typography component="li" variant="body2" key={e.code} data-testid={`event-${e.code}`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {e.label}&nbsp;: <strong>{formatCount(e.count, locale)}</strong>
                  </Typography>
                ))}
              </Box>
            )}
            <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
              {translate('levier.details.events_by_kind_help')}
            </Typography>
          </Box>
        ) : null}
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '1fr auto auto', columnGap: 2, rowGap: 0.5, m: 0, alignItems: 'center' }}>
          {details.map(({ key, label, value, explain }) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
                {label}
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
        {sensitivity.length > 0 ? (
          <Box sx={{ mt: 1.5 }} data-testid="sensitivity">
            <Typography component="h3" variant="body2" sx={{ fontWeight: 600 }}>
              {translate('levier.details.sensitivity_title')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {sensitivity.map((s) => (
                <Typography component="li" variant="body2" key={s.parameter} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {translate('levier.details.sensitivity_line', {
                    label: s.label && s.label.trim() !== '' ? s.label : outcomeLabel(s.parameter, null),
                    low: formatMoney(s.low, locale),
                    high: formatMoney(s.high, locale),
                    swing: formatMoney(s.swing, locale),
                  })}
                </Typography>
              ))}
            </Box>
            <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
              {translate('levier.details.sensitivity_help')}
            </Typography>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};

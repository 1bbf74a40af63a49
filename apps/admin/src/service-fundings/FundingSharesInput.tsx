/** One percentage per payer, the running total beside them, and a form that refuses a total other than 100 %. */
import { Alert, Box, InputAdornment, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ValidationError, useInput, useLocaleState, useTranslate, type Validator } from 'react-admin';
import { intlLocale } from '../format/decimal-format';
import { FUNDING_PAYERS, isPlainShares, percentToShare, shareToPercent, sharesProblem, totalOfPercents, type Shares } from './funding-shares';

/** "95" → "95 %", "99.5" → "99,5 %" (exact: Intl formats the string, to 4 decimals of a percent). */
export const formatPercent = (percent: string, locale: string): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 4 }).format(percent as Intl.StringNumericLiteral) + '\u202f%';

/** The shares of the form's values: at least one payer, each between 0 % and 100 %, a total of exactly 100 %. */
export const fundingSharesValidator = (): Validator => (value: unknown) => {
  const problem = sharesProblem(value);
  if (problem === null) return undefined;
  if (problem.kind !== 'total') return `levier.service_fundings.${problem.kind === 'empty' ? 'shares_required' : 'invalid_percent'}`;
  return { message: 'levier.service_fundings.total_not_100', args: { total: formatPercent(problem.percent, 'fr') } };
};

/** The text an input shows for a payer: what was typed while it still says the stored share, else the stored share. */
const shown = (typed: string | undefined, stored: string | undefined): string => {
  if (typed !== undefined) {
    const t = typed.trim();
    if ((t === '' && stored === undefined) || (stored !== undefined && (percentToShare(t) === stored || t === stored))) return typed;
  }
  if (stored === undefined) return '';
  return shareToPercent(stored) ?? stored;
};

export const FundingSharesInput = ({ source = 'shares' }: { source?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { field, fieldState } = useInput({ source, validate: fundingSharesValidator() });
  const [typed, setTyped] = useState<Record<string, string>>({});
  const stored: Shares = isPlainShares(field.value) ? (field.value as Shares) : {};
  const texts = Object.fromEntries(FUNDING_PAYERS.map((p) => [p, shown(typed[p], stored[p])]));
  const total = totalOfPercents(FUNDING_PAYERS.map((p) => texts[p]));
  const complete = total === '100';

  const change = (payer: string, text: string) => {
    setTyped((current) => ({ ...current, [payer]: text }));
    const next: Shares = { ...stored };
    const t = text.trim();
    if (t === '') delete next[payer];
    // a text that is not a number is kept as typed: the validator refuses it
    else next[payer] = percentToShare(t) ?? t;
    field.onChange(next);
  };

  const error = fieldState.error?.message;
  return (
    <Box sx={{ mb: 2, width: '100%', maxWidth: 560 }} role="group" aria-label={translate('levier.service_fundings.title')} data-testid="funding-shares">
      <Typography variant="subtitle2">{translate('levier.service_fundings.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('levier.service_fundings.help')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 1 }}>
        {FUNDING_PAYERS.map((payer) => (
          <MuiTextField
            key={payer}
            size="small"
            label={translate(`levier.service_fundings.payers.${payer}`)}
            value={texts[payer]}
            onChange={(e) => change(payer, e.target.value)}
            onBlur={field.onBlur}
            error={texts[payer].trim() !== '' && percentToShare(texts[payer]) === null}
            slotProps={{
              htmlInput: { inputMode: 'decimal', 'data-payer': payer },
              input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
            }}
          />
        ))}
      </Box>
      <Typography
        variant="body2"
        sx={{ mt: 1, fontWeight: 600, color: complete ? 'success.dark' : 'error.main' }}
        data-testid="funding-total"
        aria-live="polite"
      >
        {translate('levier.service_fundings.total', { total: formatPercent(total, locale) })}
      </Typography>
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          <ValidationError error={error} />
        </Alert>
      ) : null}
    </Box>
  );
};

/**
 * Live validation of a custom indicator's formula: `POST /api/custom-indicators/preview` on the caller's real
 * figures, as the user types (debounced). A formula error comes back as `[{ field, position, message }]` and is
 * shown at its position; a valid one shows its value over the chosen scope.
 */
import { Alert, AlertTitle, Box, Chip, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { PreviewResponse } from '@levier/contracts';
import type { LevierDataProvider } from '../dataProvider';
import { scopeEndingAt } from '../dashboard/scope';
import { useLatestDataMonth } from '../dashboard/use-indicators';
import { MaskedValue } from '../common/MaskedValue';
import { formatDecimal } from '../format/decimal-format';
import { apiFieldErrors, type ApiFieldError } from '../http/field-errors';

export type PreviewState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'valid'; result: PreviewResponse }
  | { kind: 'invalid'; errors: ApiFieldError[] }
  | { kind: 'failed'; message: string };

/** The formula line with a caret under the error's position (0-based, as the API counts). */
export const caretLine = (formula: string, position: number): string => `${' '.repeat(Math.max(0, Math.min(position, formula.length)))}^`;

const DEBOUNCE_MS = 400;

export const usePreview = (
  definition: { numerator?: string; denominator?: string | null; factor?: string | null },
  scope: { orgUnit: string; from: string; to: string },
) => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const { numerator, denominator, factor } = definition;
  useEffect(() => {
    if (!numerator || numerator.trim() === '' || !dataProvider.apiPost) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'checking' });
    const timer = setTimeout(() => {
      const body: Record<string, string | null> = { numerator, denominator: denominator?.trim() ? denominator : null, factor: factor?.trim() ? factor : null };
      if (scope.orgUnit) body.orgUnit = scope.orgUnit;
      if (scope.from) body.from = scope.from;
      if (scope.to) body.to = scope.to;
      dataProvider.apiPost!<PreviewResponse>('/custom-indicators/preview', body).then(
        ({ json }) => {
          if (!cancelled) setState({ kind: 'valid', result: json });
        },
        (error: { status?: number; body?: unknown; message?: string }) => {
          if (cancelled) return;
          const errors = apiFieldErrors(error.body);
          if (error.status === 400 && errors.length > 0) setState({ kind: 'invalid', errors });
          else setState({ kind: 'failed', message: error.message ?? String(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [dataProvider, numerator, denominator, factor, scope.orgUnit, scope.from, scope.to]);
  return state;
};

export const FormulaPreview = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [numerator, denominator, factor] = useWatch({ name: ['numerator', 'denominator', 'factor'] }) as [string | undefined, string | null, string | null];
  const latest = useLatestDataMonth(true);
  const defaults = latest.data ? scopeEndingAt(latest.data) : null;
  const [orgUnit, setOrgUnit] = useState('');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const from = range?.from ?? defaults?.from ?? '';
  const to = range?.to ?? defaults?.to ?? '';
  const units = useGetList('org-units', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const state = usePreview({ numerator, denominator, factor }, { orgUnit, from, to });
  const formulas: Record<string, string> = { numerator: numerator ?? '', denominator: denominator ?? '', factor: factor ?? '' };

  return (
    <Box sx={{ width: '100%', p: 2, mb: 2, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="formula-preview" aria-live="polite">
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('levier.custom.preview_title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={translate('levier.scope.org_unit_tree')}
          value={orgUnit}
          onChange={(e) => setOrgUnit(e.target.value)}
          sx={{ minWidth: 240 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{translate('levier.dashboard.whole_organisation_option')}</MenuItem>
          {(units.data ?? []).map((u) => (
            <MenuItem key={String(u.code)} value={String(u.code)}>
              {String(u.name ?? u.code)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={translate('levier.scope.from')}
          value={from}
          onChange={(e) => setRange({ from: e.target.value, to })}
          sx={{ width: 140 }}
        />
        <TextField size="small" label={translate('levier.scope.to')} value={to} onChange={(e) => setRange({ from, to: e.target.value })} sx={{ width: 140 }} />
      </Box>
      {state.kind === 'idle' ? <Typography variant="body2">{translate('levier.custom.preview_idle')}</Typography> : null}
      {state.kind === 'checking' ? (
        <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <CircularProgress size={16} aria-hidden />
          <Typography variant="body2">{translate('levier.custom.checking')}</Typography>
        </Box>
      ) : null}
      {state.kind === 'invalid'
        ? state.errors.map((e, i) => (
            <Alert key={i} severity="error" role="alert" data-testid="formula-error" sx={{ mb: 1 }}>
              <AlertTitle>
                {translate('levier.custom.error_at', {
                  field: translate(`resources.custom-indicators.fields.${e.field}`, { _: e.field }),
                  position: (e.position ?? 0) + 1,
                })}
              </AlertTitle>
              {e.message}
              {formulas[e.field] ? (
                <Box
                  component="pre"
                  sx={{ m: 0, mt: 1, fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre', overflowX: 'auto' }}
                  data-testid="formula-caret"
                >
                  {formulas[e.field]}
                  {'\n'}
                  {caretLine(formulas[e.field], e.position ?? 0)}
                </Box>
              ) : null}
            </Alert>
          ))
        : null}
      {state.kind === 'failed' ? <Alert severity="warning">{state.message}</Alert> : null}
      {state.kind === 'valid' ? (
        <Box data-testid="formula-valid">
          <Typography variant="body2" sx={{ color: 'success.dark', mb: 1 }}>
            {translate('levier.custom.valid', { orgUnit: state.result.scope.orgUnit, from: state.result.scope.from ?? '…', to: state.result.scope.to ?? '…' })}
          </Typography>
          <Typography component="p" variant="h5" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid="formula-preview-value">
            {state.result.masked ? (
              <MaskedValue />
            ) : state.result.value === null ? (
              translate('levier.custom.no_value')
            ) : (
              formatDecimal(state.result.value, locale)
            )}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="formula-preview-detail">
            {state.result.masked
              ? translate('levier.custom.detail_masked', { used: state.result.cellsUsed, missing: state.result.cellsMissing })
              : translate('levier.custom.detail', {
                  numerator: formatDecimal(state.result.numerator, locale),
                  denominator: formatDecimal(state.result.denominator, locale),
                  used: state.result.cellsUsed,
                  missing: state.result.cellsMissing,
                })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 1 }}>
            {state.result.dependencies.map((d) => (
              <Chip key={d} size="small" label={d} variant="outlined" />
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};

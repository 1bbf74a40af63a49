import { Box, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useId, useMemo, useState } from 'react';
import { useLocaleState, useTranslate, type TranslateFunction } from 'react-admin';
import { decimalSign, formatMoney, isDecimalString } from '../format/decimal-format';
import { DataTable } from './DataTable';
import type { IndicatorSummary, LedgerLine, MaybeDecimal, SeriesItem } from '@levier/contracts';
import type { Scope } from './scope.types';
import { payerLabel } from './payer-label';
import { useIndicatorSeries } from './use-indicators';

export interface ServiceLine {
  key: string;
  label: string;
  line: LedgerLine;
}

/** The services where a payer has a line (per-service ledgers of `GET /api/indicators/series?groupBy=service`), API order. */
export const payerServiceLines = (items: readonly SeriesItem[] | undefined, payer: string): ServiceLine[] =>
  (items ?? [])
    .filter((item) => item.ledger?.[payer] !== undefined)
    .map((item) => ({ key: item.key, label: item.label ?? item.key, line: item.ledger![payer] }))
    .filter(({ line }) => [line.avoided, line.cost, line.net].some((v) => decimalSign(v ?? null) !== 0));

/** The line with the largest value of `field` (a comparison of the API's decimals; nothing is added up here). */
const largest = (lines: readonly ServiceLine[], field: 'avoided' | 'cost'): ServiceLine | null =>
  lines
    .filter((l) => isDecimalString(l.line[field]) && decimalSign(l.line[field] ?? null) === 1)
    .reduce<ServiceLine | null>((best, l) => (best === null || Number(l.line[field]) > Number(best.line[field]) ? l : best), null);

/**
 * A payer's line of the ledger in words: what it saves (avoided costs), what it bears (its share of the services'
 * cost), its net, and from which services most of each comes. Every amount is the API's; a negative net is said.
 */
export const explainPayerLine = (
  translate: TranslateFunction,
  money: (v: MaybeDecimal | undefined) => string,
  payer: string,
  total: LedgerLine | undefined,
  lines: readonly ServiceLine[],
): string => {
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.ledger_drilldown.${key}`, options);
  const name = payerLabel(translate, payer);
  if (!total || [total.avoided, total.cost, total.net].every((v) => decimalSign(v ?? null) === 0)) return t('nothing', { payer: name });
  const parts = [t('sentence', { payer: name, avoided: money(total.avoided), cost: money(total.cost), net: money(total.net) })];
  if (decimalSign(total.net ?? null) === -1) parts.push(t('negative'));
  const saves = largest(lines, 'avoided');
  if (saves) parts.push(t('saves_most', { service: saves.label, amount: money(saves.line.avoided) }));
  const bears = largest(lines, 'cost');
  if (bears) parts.push(t('bears_most', { service: bears.label, amount: money(bears.line.cost) }));
  return parts.join(' ');
};

/**
 * The ledger drilled down by service (conventions 2): choose a payer, see its line for each service (avoided, borne,
 * net, a negative net shown as such) and a sentence explaining its line. Values from the API's per-service ledgers.
 */
export const LedgerDrilldown = ({ scope, summary }: { scope: Scope; summary: IndicatorSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const payers = Object.keys(summary.ledger ?? {});
  const [chosen, setChosen] = useState<string | null>(null);
  const payer = chosen !== null && payers.includes(chosen) ? chosen : (payers[0] ?? null);
  const { data, isPending, error } = useIndicatorSeries(scope, 'service');
  const lines = useMemo(() => (payer ? payerServiceLines(data?.items, payer) : []), [data, payer]);
  if (summary.conventions !== 2 || summary.masked || payer === null) return null;
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.ledger_drilldown.${key}`, options);
  const money = (v: MaybeDecimal | undefined) => formatMoney(v ?? null, locale);

  let body;
  if (isPending) body = <Typography role="status">{translate('levier.dashboard.loading')}</Typography>;
  else if (error) body = <Typography variant="body2">{t('error')}</Typography>;
  else if (lines.length === 0) body = <Typography variant="body2">{t('no_service')}</Typography>;
  else
    body = (
      <DataTable<ServiceLine>
        caption={t('caption', { payer: payerLabel(translate, payer) })}
        rowHeader={t('service')}
        rows={lines}
        columns={[
          { label: t('avoided'), value: (r) => money(r.line.avoided) },
          { label: t('cost'), value: (r) => money(r.line.cost) },
          {
            label: t('net'),
            value: (r) => (decimalSign(r.line.net ?? null) === -1 ? t('net_negative', { net: money(r.line.net) }) : money(r.line.net)),
          },
        ]}
      />
    );

  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="ledger-drilldown">
      <CardContent>
        <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {t('title')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <TextField select size="small" label={t('payer')} value={payer} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 240 }}>
            {payers.map((p) => (
              <MenuItem key={p} value={p}>
                {payerLabel(translate, p)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Typography variant="body2" component="p" sx={{ mb: 1 }} data-testid="ledger-explanation">
          {explainPayerLine(translate, money, payer, summary.ledger?.[payer], lines)}
        </Typography>
        {body}
      </CardContent>
    </Card>
  );
};

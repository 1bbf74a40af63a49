import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useId, useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDecimal, formatMoney, formatShare } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { toSankeyData } from './chart-data';
import type { MaybeDecimal, Scope } from './indicators.types';
import { LazyFlowSankey } from './lazy-charts';
import { statusOf, useReallocation } from './use-indicators';

const Tile = ({ label, value, hint, warn, testId }: { label: string; value: string; hint?: string; warn?: boolean; testId?: string }) => (
  <Box sx={{ p: 1.5, border: 1, borderColor: warn ? 'error.main' : 'divider', borderRadius: 1 }} data-testid={testId}>
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Typography component="p" variant="h6" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: warn ? 'error.dark' : 'text.primary' }}>
      {value}
    </Typography>
    {hint ? (
      <Typography variant="caption" sx={{ color: warn ? 'error.dark' : 'text.secondary' }}>
        {hint}
      </Typography>
    ) : null}
  </Box>
);

/** Reallocation at a glance: FTE-days redeployed, critical-need coverage, budget reallocated and fongibilité, in-kind value; the flows as a Sankey. */
export const ReallocationSection = ({ scope }: { scope: Scope }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const { data, isPending, error } = useReallocation(scope);
  const sankey = useMemo(() => toSankeyData(data?.flows), [data]);
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.reallocation.${key}`, options);
  const share = (v: MaybeDecimal | undefined) => formatShare(v ?? null, locale);

  let tiles;
  if (isPending) tiles = <Typography role="status">{translate('levier.dashboard.loading')}</Typography>;
  else if (error) tiles = <Alert severity="info">{statusOf(error) === 404 ? t('unavailable') : t('error')}</Alert>;
  else if (data)
    tiles = (
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' } }}>
        <Tile
          testId="realloc-fte"
          label={t('fte_days')}
          value={formatDecimal(data.fteDays ?? null, locale)}
          hint={t('fte_years', { value: formatDecimal(data.fteYears ?? null, locale) })}
        />
        <Tile
          testId="realloc-critical"
          label={t('critical_coverage')}
          value={share(data.criticalCoverage)}
          hint={t('need_coverage', { value: share(data.needCoverage) })}
        />
        <Tile
          testId="realloc-budget"
          label={t('budget')}
          value={formatMoney(data.fongibiliteVolume ?? data.value ?? null, locale)}
          hint={
            data.fongibiliteOverLimit ? t('fongibilite_over', { rate: share(data.fongibiliteRate) }) : t('fongibilite', { rate: share(data.fongibiliteRate) })
          }
          warn={Boolean(data.fongibiliteOverLimit)}
        />
        <Tile testId="realloc-inkind" label={t('in_kind')} value={formatMoney(data.inKindValue ?? null, locale)} />
      </Box>
    );

  return (
    <>
      <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="reallocation">
        <CardContent>
          <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {t('title')}
          </Typography>
          {tiles}
        </CardContent>
      </Card>
      {data && !error ? (
        <ChartCard
          testId="flows"
          title={t('flows_title')}
          subtitle={sankey.dropped > 0 ? t('flows_dropped', { count: sankey.dropped }) : t('flows_subtitle')}
          empty={sankey.links.length === 0 ? t('flows_empty') : null}
          chart={<LazyFlowSankey data={sankey} ariaLabel={t('flows_aria')} />}
          table={
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{t('flows_caption')}</caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('from')}</TableCell>
                  <TableCell scope="col">{t('to')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('amount')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(data.flows?.links ?? []).map((l, i) => {
                  const name = (ref: number | string) => (typeof ref === 'number' ? (data.flows?.nodes[ref]?.name ?? String(ref)) : ref);
                  return (
                    <TableRow key={i}>
                      <TableCell>{name(l.source)}</TableCell>
                      <TableCell>{name(l.target)}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatDecimal(String(l.value), locale)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          }
        />
      ) : null}
    </>
  );
};

import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatRatio } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { toServiceRows } from './chart-data';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator, Scope } from './indicators.types';
import { LazyBarsChart } from './lazy-charts';
import { SERIES_COLORS } from './series-colors';
import { useIndicatorSeries } from './use-indicators';

const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };

/** Savings and cost by service, then cost per avoided event by service; both with tables. */
export const ServicesSection = ({ scope, onExplain }: { scope: Scope; onExplain?: (i: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useIndicatorSeries(scope, 'service');
  const rows = useMemo(() => toServiceRows(data?.items ?? []), [data]);
  const height = Math.max(180, rows.length * 56 + 60);
  const empty = rows.length === 0 ? translate('levier.services.empty') : null;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
      <ChartCard
        testId="by-service"
        title={translate('levier.services.title')}
        subtitle={translate('levier.services.subtitle')}
        isPending={isPending}
        error={error}
        empty={empty}
        chartHeight={height}
        chart={
          <LazyBarsChart
            rows={rows}
            categoryKey="label"
            horizontal
            height={height}
            ariaLabel={translate('levier.services.aria')}
            bars={[
              { dataKey: 'grossSavings', name: translate('levier.headline.grossSavings'), color: SERIES_COLORS.grossSavings },
              { dataKey: 'cost', name: translate('levier.headline.cost'), color: SERIES_COLORS.cost },
            ]}
          />
        }
        table={
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{translate('levier.services.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{translate('levier.services.service')}</TableCell>
                <TableCell scope="col" align="right">
                  {translate('levier.headline.grossSavings')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {translate('levier.headline.cost')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {translate('levier.headline.netSavings')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {translate('levier.headline.offsetRatio')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell component="th" scope="row">
                    {r.label}
                  </TableCell>
                  <TableCell {...num}>{formatMoney(r.item.grossSavings, locale)}</TableCell>
                  <TableCell {...num}>{formatMoney(r.item.cost, locale)}</TableCell>
                  <TableCell {...num}>{formatMoney(r.item.netSavings, locale)}</TableCell>
                  <TableCell {...num}>{formatRatio(r.item.offsetRatio, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        }
      />
      <ChartCard
        testId="cost-per-event"
        title={translate('levier.services.cpe_title')}
        subtitle={translate('levier.services.cpe_subtitle')}
        isPending={isPending}
        error={error}
        empty={empty}
        chartHeight={height}
        actions={onExplain ? <ExplainButton indicator="costPerEventAvoided" onExplain={onExplain} /> : null}
        chart={
          <LazyBarsChart
            rows={rows.filter((r) => r.costPerEventAvoided !== null)}
            categoryKey="label"
            horizontal
            height={height}
            ariaLabel={translate('levier.services.cpe_aria')}
            bars={[{ dataKey: 'costPerEventAvoided', name: translate('levier.details.costPerEventAvoided'), color: '#6a1b9a' }]}
          />
        }
        table={
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{translate('levier.services.cpe_caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{translate('levier.services.service')}</TableCell>
                <TableCell scope="col" align="right">
                  {translate('levier.details.costPerEventAvoided')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell component="th" scope="row">
                    {r.label}
                  </TableCell>
                  <TableCell {...num}>{formatMoney(r.item.costPerEventAvoided ?? null, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        }
      />
    </Box>
  );
};

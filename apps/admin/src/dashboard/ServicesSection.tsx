import { Box } from '@mui/material';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatRatio } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { DataTable } from './DataTable';
import { toServiceRows } from './chart-data';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator, Scope } from './indicators.types';
import { LazyBarsChart } from './lazy-charts';
import { SERIES_COLORS } from './series-colors';
import { useIndicatorSeries } from './use-indicators';

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
          <DataTable
            caption={translate('levier.services.caption')}
            rowHeader={translate('levier.services.service')}
            rows={rows}
            columns={[
              { label: translate('levier.headline.grossSavings'), value: (r) => formatMoney(r.item.grossSavings, locale) },
              { label: translate('levier.headline.cost'), value: (r) => formatMoney(r.item.cost, locale) },
              { label: translate('levier.headline.netSavings'), value: (r) => formatMoney(r.item.netSavings, locale) },
              { label: translate('levier.headline.offsetRatio'), value: (r) => formatRatio(r.item.offsetRatio, locale) },
            ]}
          />
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
          <DataTable
            caption={translate('levier.services.cpe_caption')}
            rowHeader={translate('levier.services.service')}
            rows={rows}
            columns={[{ label: translate('levier.details.costPerEventAvoided'), value: (r) => formatMoney(r.item.costPerEventAvoided ?? null, locale) }]}
          />
        }
      />
    </Box>
  );
};

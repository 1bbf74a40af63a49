import { Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatPerEuro } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { DataTable } from './DataTable';
import { toServiceRows, type ServiceRow } from './chart-data';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator } from '@levier/contracts';
import type { Scope } from './scope.types';
import { LazyBarsChart } from './lazy-charts';
import { SERIES_COLORS } from './series-colors';
import { useIndicatorSeries } from './use-indicators';

/** Several kinds of events avoided by one service: no cost per event (an EHPAD entry and a hotel night do not add up). */
const severalKinds = (row: ServiceRow): boolean => Object.keys(row.item.eventsByOutcome ?? {}).length > 1;

/** The services' stated reasons for staying negative, under the chart (the table puts each under its service's line). */
const ServiceNotes = ({ rows }: { rows: ServiceRow[] }) => {
  const translate = useTranslate();
  const noted = rows.filter((r) => r.note !== null);
  if (noted.length === 0) return null;
  return (
    <Box sx={{ mt: 1 }} data-testid="service-notes">
      <Typography component="h3" variant="body2" sx={{ fontWeight: 600 }}>
        {translate('levier.services.notes_title')}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {noted.map((r) => (
          <Typography component="li" variant="body2" key={r.key} sx={{ color: 'text.secondary' }}>
            <strong>{r.label}</strong>
            {'\u00a0: '}
            {r.note}
          </Typography>
        ))}
      </Box>
    </Box>
  );
};

/** Avoided costs and cost by service (with each service's note), then cost per avoided event by service; both with tables. */
export const ServicesSection = ({ scope, onExplain }: { scope: Scope; onExplain?: (i: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useIndicatorSeries(scope, 'service');
  const rows = useMemo(() => toServiceRows(data?.items ?? []), [data]);
  const height = Math.max(180, rows.length * 56 + 60);
  const empty = rows.length === 0 ? translate('levier.services.empty') : null;
  const cpeRows = rows.filter((r) => r.costPerEventAvoided !== null && !severalKinds(r));
  const partial = rows.some(severalKinds);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
      <ChartCard
        testId="by-service"
        exportChart={{ chart: 'services', scope }}
        title={translate('levier.services.title')}
        subtitle={translate('levier.services.subtitle')}
        isPending={isPending}
        error={error}
        empty={empty}
        chartHeight={height}
        chart={
          <>
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
            <ServiceNotes rows={rows} />
          </>
        }
        table={
          <DataTable
            caption={translate('levier.services.caption')}
            rowHeader={translate('levier.services.service')}
            rows={rows}
            note={(r) => (r.note === null ? null : translate('levier.services.note', { note: r.note }))}
            columns={[
              { label: translate('levier.headline.grossSavings'), value: (r) => formatMoney(r.item.grossSavings, locale) },
              { label: translate('levier.headline.cost'), value: (r) => formatMoney(r.item.cost, locale) },
              { label: translate('levier.headline.netSavings'), value: (r) => formatMoney(r.item.netSavings, locale) },
              { label: translate('levier.headline.offsetRatio'), value: (r) => formatPerEuro(r.item.offsetRatio, locale) },
            ]}
          />
        }
      />
      <ChartCard
        testId="cost-per-event"
        title={translate('levier.services.cpe_title')}
        subtitle={partial ? translate('levier.services.cpe_partial') : translate('levier.services.cpe_subtitle')}
        isPending={isPending}
        error={error}
        empty={empty}
        chartHeight={height}
        actions={onExplain ? <ExplainButton indicator="costPerEventAvoided" onExplain={onExplain} /> : null}
        chart={
          <LazyBarsChart
            rows={cpeRows}
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
            columns={[
              {
                label: translate('levier.details.costPerEventAvoided'),
                value: (r) => (severalKinds(r) ? translate('levier.services.cpe_multiple') : formatMoney(r.item.costPerEventAvoided ?? null, locale)),
              },
            ]}
          />
        }
      />
    </Box>
  );
};

import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { toTargetLines } from './chart-data';
import type { Scope } from './scope.types';
import { LazySeriesChart } from './lazy-charts';
import { SeriesGaps } from './SeriesGaps';
import { SeriesTable } from './SeriesTable';
import { toChartRows } from './series-rows';
import { useIndicatorSeries, useTargets } from './use-indicators';

/** Savings vs cost by period with the low–high band and the targets as reference lines; or as a table. */
export const SeriesSection = ({ scope }: { scope: Scope }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useIndicatorSeries(scope, 'period');
  const targets = useTargets(scope);
  const rows = useMemo(() => (data ? toChartRows(data.items, data.groupBy, locale, data.periods) : []), [data, locale]);
  const gaps = { no_data: rows.filter((r) => r.coverage === 'no_data').length, unapproved: rows.filter((r) => r.coverage === 'unapproved').length };
  const lines = useMemo(() => toTargetLines(targets.data, ['grossSavings', 'netSavings', 'cost']), [targets.data]);
  return (
    <ChartCard
      testId="series"
      exportChart={{ chart: 'series', scope }}
      title={translate('levier.chart.title')}
      isPending={isPending}
      error={error}
      empty={rows.length === 0 ? translate('levier.chart.empty') : null}
      chartHeight={340}
      chart={
        <>
          <LazySeriesChart rows={rows} targets={lines} />
          <SeriesGaps {...gaps} />
        </>
      }
      table={
        <>
          <SeriesTable rows={rows} />
          <SeriesGaps {...gaps} />
          {lines.length > 0 ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('levier.targets.listed')} {lines.map((l) => `${l.label} : ${formatMoney(String(l.value), locale)}`).join(' ; ')}
            </Typography>
          ) : null}
        </>
      }
    />
  );
};

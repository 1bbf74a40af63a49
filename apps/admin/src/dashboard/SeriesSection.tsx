import { Alert, Box, Card, CardContent, CircularProgress, Tab, Tabs, Typography } from '@mui/material';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Scope } from './indicators.types';
import { SeriesTable } from './SeriesTable';
import { toChartRows } from './series-rows';
import { useIndicatorSeries } from './use-indicators';
import { errorText } from './error-text';

type View = 'chart' | 'table';

/** recharts is the heaviest dependency: loaded only once a chart is on screen. */
const SeriesChart = lazy(() => import('./SeriesChart').then((m) => ({ default: m.SeriesChart })));

/** Savings vs cost by period, as a chart or as a table. */
export const SeriesSection = ({ scope }: { scope: Scope }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [view, setView] = useState<View>('chart');
  const titleId = useId();
  const baseId = useId();
  const { data, error, isPending } = useIndicatorSeries(scope, 'period');
  const rows = useMemo(() => (data ? toChartRows(data.items, data.groupBy, locale) : []), [data, locale]);

  let body;
  if (isPending) {
    body = (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 4 }}>
        <CircularProgress size={20} aria-hidden />
        {translate('levier.dashboard.loading')}
      </Box>
    );
  } else if (error) {
    body = (
      <Alert severity="warning">
        {translate('levier.dashboard.unavailable')} {translate('levier.dashboard.unavailable_detail', { message: errorText(error, translate) })}
      </Alert>
    );
  } else if (rows.length === 0) {
    body = <Alert severity="info">{translate('levier.chart.empty')}</Alert>;
  } else {
    body = (
      <>
        <Tabs value={view} onChange={(_, v: View) => setView(v)} aria-label={translate('levier.chart.views')} sx={{ mb: 1 }}>
          <Tab value="chart" label={translate('levier.chart.view_chart')} id={`${baseId}-tab-chart`} aria-controls={`${baseId}-panel-chart`} />
          <Tab value="table" label={translate('levier.chart.view_table')} id={`${baseId}-tab-table`} aria-controls={`${baseId}-panel-table`} />
        </Tabs>
        <div role="tabpanel" id={`${baseId}-panel-${view}`} aria-labelledby={`${baseId}-tab-${view}`}>
          {view === 'chart' ? (
            <Suspense fallback={<Box sx={{ height: 340 }} role="status" aria-label={translate('levier.dashboard.loading')} />}>
              <SeriesChart rows={rows} />
            </Suspense>
          ) : (
            <SeriesTable rows={rows} />
          )}
        </div>
      </>
    );
  }

  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography id={titleId} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('levier.chart.title')}
        </Typography>
        {body}
      </CardContent>
    </Card>
  );
};

import { Alert, Box, Card, CardContent, CircularProgress, Tab, Tabs, Typography } from '@mui/material';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { errorText } from './error-text';
import { ChartExportButtons, type ExportChart } from '../documents/ChartExportButtons';
import type { Scope } from './scope.types';

type View = 'chart' | 'table';

export interface ChartCardProps {
  title: string;
  /** A sentence under the title (what the chart says, how to read it). */
  subtitle?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  isPending?: boolean;
  error?: unknown;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: string | null;
  /** Message when the endpoint is not there (404): the feature is not available on this server. */
  unavailable?: string;
  actions?: ReactNode;
  testId?: string;
  chartHeight?: number;
  /** The chart's data to download as CSV and XLSX (stamped by the API), for this scope. */
  exportChart?: { chart: ExportChart; scope: Scope };
}

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/** A chart with its table alternative (RGAA 1.8 / WCAG 1.1.1) in two tabs, plus loading, empty and error states. */
export const ChartCard = ({
  title,
  subtitle,
  chart,
  table,
  isPending,
  error,
  empty,
  unavailable,
  actions,
  testId,
  chartHeight = 300,
  exportChart,
}: ChartCardProps) => {
  const translate = useTranslate();
  const [view, setView] = useState<View>('chart');
  const titleId = useId();
  const baseId = useId();
  let body: ReactNode;
  if (isPending) {
    body = (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 4 }}>
        <CircularProgress size={20} aria-hidden />
        {translate('levier.dashboard.loading')}
      </Box>
    );
  } else if (error) {
    body =
      statusOf(error) === 404 ? (
        <Alert severity="info">{unavailable ?? translate('levier.dashboard.feature_unavailable')}</Alert>
      ) : (
        <Alert severity="warning">
          {translate('levier.dashboard.unavailable')} {translate('levier.dashboard.unavailable_detail', { message: errorText(error, translate) })}
        </Alert>
      );
  } else if (empty) {
    body = <Alert severity="info">{empty}</Alert>;
  } else {
    body = (
      <>
        <Tabs
          value={view}
          onChange={(_, v: View) => setView(v)}
          aria-label={translate('levier.chart.views_of', { title })}
          sx={{ mb: 1 }}
          className="levier-no-print"
        >
          <Tab value="chart" label={translate('levier.chart.view_chart')} id={`${baseId}-tab-chart`} aria-controls={`${baseId}-panel`} />
          <Tab value="table" label={translate('levier.chart.view_table')} id={`${baseId}-tab-table`} aria-controls={`${baseId}-panel`} />
        </Tabs>
        <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${view}`}>
          {view === 'chart' ? (
            <Suspense fallback={<Box sx={{ height: chartHeight }} role="status" aria-label={translate('levier.dashboard.loading')} />}>{chart}</Suspense>
          ) : (
            table
          )}
        </div>
      </>
    );
  }
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid={testId}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1 }}>
          <Box sx={{ flex: 1 }}>
            <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {title}
            </Typography>
            {subtitle ? (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {subtitle}
              </Typography>
            ) : null}
          </Box>
          {exportChart && !isPending && !error && !empty ? <ChartExportButtons chart={exportChart.chart} scope={exportChart.scope} title={title} /> : null}
          {actions}
        </Box>
        {body}
      </CardContent>
    </Card>
  );
};

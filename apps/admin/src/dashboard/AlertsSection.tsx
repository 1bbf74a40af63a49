import { Alert, AlertTitle, Card, CardContent, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import type { Scope } from './indicators.types';
import { statusOf, useAlerts } from './use-indicators';

const severityOf = (s: string | undefined): 'error' | 'warning' | 'info' =>
  s === 'critical' || s === 'error' || s === 'high' ? 'error' : s === 'info' || s === 'low' ? 'info' : 'warning';

/** Alerts on indicators (targets missed, thresholds crossed). */
export const AlertsSection = ({ scope }: { scope: Scope }) => {
  const translate = useTranslate();
  const titleId = useId();
  const { data, isPending, error } = useAlerts(scope);
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="alerts">
      <CardContent>
        <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('levier.alerts.title')}
        </Typography>
        {isPending ? (
          <Typography role="status">{translate('levier.dashboard.loading')}</Typography>
        ) : error ? (
          <Alert severity="info">{statusOf(error) === 404 ? translate('levier.alerts.unavailable') : translate('levier.alerts.error')}</Alert>
        ) : (data ?? []).length === 0 ? (
          <Typography variant="body2">{translate('levier.alerts.none')}</Typography>
        ) : (
          <Stack spacing={1}>
            {(data ?? []).map((a, i) => (
              <Alert key={a.id ?? i} severity={severityOf(a.severity ?? a.level)}>
                {a.label ? <AlertTitle>{a.label}</AlertTitle> : null}
                {a.message ?? a.indicator}
                {a.orgUnit ? ` — ${a.orgUnit}` : ''}
                {a.period ? ` (${a.period})` : ''}
              </Alert>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

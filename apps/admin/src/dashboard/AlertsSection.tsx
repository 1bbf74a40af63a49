import { Alert, AlertTitle, Card, CardContent, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import { MaskedValue } from '../common/MaskedValue';
import type { AlertStatus } from '@levier/contracts';
import type { Scope } from './scope.types';
import { statusOf, useAlerts } from './use-indicators';

const SEVERITY: Record<AlertStatus, 'error' | 'warning' | 'info' | 'success'> = { below: 'warning', above: 'warning', ok: 'success', missing: 'info' };

const rank = (s: AlertStatus): number => (s === 'below' || s === 'above' ? 0 : s === 'missing' ? 1 : 2);

/** The year's targets of the scope's unit (`GET /api/indicators/alerts`): thresholds crossed first, then the others. */
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
          <Typography variant="body2">{translate('levier.alerts.no_targets', { year: scope.to.slice(0, 4) })}</Typography>
        ) : (
          <Stack spacing={1}>
            {(data ?? []).every((a) => a.status !== 'below' && a.status !== 'above' && !a.masked) ? (
              <Typography variant="body2">{translate('levier.alerts.none')}</Typography>
            ) : null}
            {[...(data ?? [])]
              .sort((a, b) => rank(a.status) - rank(b.status))
              .map((a) => (
                <Alert key={a.targetId} severity={SEVERITY[a.status] ?? 'info'} data-testid={`alert-${a.indicator}`}>
                  <AlertTitle>
                    {a.masked ? <MaskedValue testId={`alert-${a.indicator}-masked`} /> : translate(`levier.alerts.status.${a.status}`, { _: a.status })} —{' '}
                    {a.indicatorLabel} ({a.orgUnitName}, {a.year})
                  </AlertTitle>
                  {a.message}
                </Alert>
              ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

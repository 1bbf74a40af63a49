import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { Title, useLocaleState, useLocation, useNavigate, useStore, useTranslate } from 'react-admin';
import { formatDateTime } from '../format/decimal-format';
import { errorText } from './error-text';
import { HeadlineCards } from './HeadlineCards';
import { isEmptySummary } from './headline';
import type { Scope } from './indicators.types';
import { ScopeBar } from './ScopeBar';
import { SeriesSection } from './SeriesSection';
import { SummaryDetails } from './SummaryDetails';
import { defaultScope, scopeFromSearch, scopeToSearch } from './scope';
import { useIndicatorSummary } from './use-indicators';

const SummarySection = ({ scope }: { scope: Scope }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending, refetch, isFetching } = useIndicatorSummary(scope);

  if (isPending) {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 4 }}>
        <CircularProgress size={24} aria-hidden />
        {translate('levier.dashboard.loading')}
      </Box>
    );
  }
  if (error) {
    return (
      <Alert
        severity="warning"
        sx={{ mb: 2 }}
        action={
          <Button color="inherit" size="small" onClick={() => void refetch()} disabled={isFetching}>
            {translate('levier.dashboard.retry')}
          </Button>
        }
      >
        <AlertTitle>{translate('levier.dashboard.unavailable_title')}</AlertTitle>
        {translate('levier.dashboard.unavailable')}
        <br />
        {translate('levier.dashboard.unavailable_detail', { message: errorText(error, translate) })}
      </Alert>
    );
  }
  return (
    <>
      {isEmptySummary(data) ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('levier.dashboard.no_data')}
        </Alert>
      ) : null}
      <HeadlineCards summary={data} />
      <SummaryDetails summary={data} />
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 2 }} data-testid="freshness">
        {data.methodologyVersion ? translate('levier.dashboard.methodology', { version: data.methodologyVersion }) : null}
        {data.methodologyVersion ? ' · ' : null}
        {data.computedAt
          ? translate('levier.dashboard.computed_at', { date: formatDateTime(data.computedAt, locale) })
          : translate('levier.dashboard.not_computed_yet')}
      </Typography>
    </>
  );
};

/** Home: scope (in the URL, remembered per browser), headline, details, series. */
export const Dashboard = () => {
  const translate = useTranslate();
  const location = useLocation();
  const navigate = useNavigate();
  const [saved, setSaved] = useStore<Scope | undefined>('levier.dashboard.scope', undefined);
  const fallback = useMemo(() => saved ?? defaultScope(new Date()), [saved]);
  const scope = useMemo(() => scopeFromSearch(location.search, fallback), [location.search, fallback]);

  const apply = useCallback(
    (next: Scope) => {
      setSaved(next);
      navigate({ pathname: location.pathname, search: scopeToSearch(next, location.search) });
    },
    [location.pathname, location.search, navigate, setSaved],
  );
  const reset = useCallback(() => {
    setSaved(undefined);
    const next = defaultScope(new Date());
    navigate({ pathname: location.pathname, search: scopeToSearch(next, location.search) });
  }, [location.pathname, location.search, navigate, setSaved]);

  return (
    <Box sx={{ py: 2 }}>
      <Title title="levier.dashboard.title" />
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 0.5 }}>
        {translate('levier.dashboard.heading')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }} data-testid="scope-summary">
        {translate('levier.dashboard.scope_summary', {
          orgUnit: scope.orgUnit || translate('levier.dashboard.whole_organisation'),
          from: scope.from,
          to: scope.to,
        })}
      </Typography>
      <ScopeBar scope={scope} onApply={apply} onReset={reset} />
      <SummarySection scope={scope} />
      <SeriesSection scope={scope} />
    </Box>
  );
};

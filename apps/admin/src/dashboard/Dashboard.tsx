import PrintIcon from '@mui/icons-material/Print';
import SubdirectoryArrowRightIcon from '@mui/icons-material/SubdirectoryArrowRight';
import { Alert, AlertTitle, Box, Breadcrumbs, Button, Chip, CircularProgress, Link, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Title, useGetIdentity, useLocaleState, useLocation, useNavigate, useStore, useTranslate } from 'react-admin';
import { formatDateTime } from '../format/decimal-format';
import { AlertsSection } from './AlertsSection';
import { ComparisonSection } from './ComparisonSection';
import { errorText } from './error-text';
import { ExplainDialog } from './ExplainDialog';
import { HeadlineCards } from './HeadlineCards';
import { isEmptySummary } from './headline';
import type { ExplainableIndicator, IndicatorSummary } from '@levier/contracts';
import type { Scope } from './scope.types';
import { breadcrumb, type TreeOption } from './org-tree';
import { PayersSection } from './PayersSection';
import { ReallocationSection } from './ReallocationSection';
import { ScopeBar, useOrgUnitTree } from './ScopeBar';
import { SeriesSection } from './SeriesSection';
import { ServicesSection } from './ServicesSection';
import { SummaryDetails } from './SummaryDetails';
import { LedgerDrilldown } from './LedgerDrilldown';
import { TornadoSection } from './TornadoSection';
import { defaultScope, scopeEndingAt, scopeFromSearch, scopeToSearch } from './scope';
import { useIndicatorSummary, useLatestDataMonth } from './use-indicators';
import { PeriodsNotice } from './PeriodsNotice';
import { periodRangeLabel } from './scope-periods';
import { useScopePeriods } from './use-scope-periods';
import { DownloadButton } from '../documents/DownloadButton';

const methodologyText = (m: IndicatorSummary['methodologyVersion']): string | null => {
  if (!m) return null;
  if (typeof m === 'string') return m;
  return m.label ? `v${m.version} — ${m.label}` : `v${m.version}`;
};

const Freshness = ({ summary }: { summary: IndicatorSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const methodology = methodologyText(summary.methodologyVersion);
  return (
    <Typography variant="body2" component="p" sx={{ color: 'text.secondary', mb: 2 }} data-testid="freshness">
      {methodology ? translate('levier.dashboard.methodology', { version: methodology }) : null}
      {methodology ? ' · ' : null}
      {summary.computedAt
        ? translate('levier.dashboard.computed_at', { date: formatDateTime(summary.computedAt, locale) })
        : translate('levier.dashboard.not_computed_yet')}
      {summary.dataAsOf ? ` · ${translate('levier.dashboard.data_as_of', { date: formatDateTime(summary.dataAsOf, locale) })}` : null}
      {' · '}
      {translate(summary.basis === 'reported' ? 'levier.dashboard.basis_reported' : 'levier.dashboard.basis_current')}
      {summary.masked ? ` · ${translate('levier.dashboard.masked')}` : null}
    </Typography>
  );
};

const SummarySection = ({ scope, onExplain }: { scope: Scope; onExplain: (i: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const { data, error, isPending, refetch, isFetching } = useIndicatorSummary(scope);

  if (isPending) {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 4 }}>
        <CircularProgress size={24} aria-hidden />
        {translate('levier.dashboard.loading')}
      </Box>
    );
  }
  if (error || !data) {
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
      <Freshness summary={data} />
      {!data.masked && isEmptySummary(data) ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('levier.dashboard.no_data')}
        </Alert>
      ) : null}
      <HeadlineCards summary={data} onExplain={onExplain} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
        <SummaryDetails summary={data} onExplain={onExplain} />
        <PayersSection scope={scope} summary={data} onExplain={onExplain} />
      </Box>
      <LedgerDrilldown scope={scope} summary={data} />
      <TornadoSection summary={data} />
      <ComparisonSection scope={scope} summary={data} />
    </>
  );
};

/** Where the scope sits in the org-unit tree, and its sub-units one click away (drill-down); units outside the user's roles are not links. */
const DrillDown = ({ scope, options, onPick }: { scope: Scope; options: TreeOption[]; onPick: (code: string) => void }) => {
  const translate = useTranslate();
  if (options.length === 0) return null;
  const path = scope.orgUnit ? breadcrumb(options, scope.orgUnit) : [];
  const current = path[path.length - 1];
  const children = options.filter((o) => (current ? o.depth === current.depth + 1 && o.path.slice(0, -1).join('/') === current.path.join('/') : o.depth === 0));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 2 }} className="levier-no-print" data-testid="drill-down">
      <Breadcrumbs aria-label={translate('levier.drill.breadcrumb')}>
        <Link component="button" type="button" underline="hover" onClick={() => onPick('')} aria-current={path.length === 0 ? 'page' : undefined}>
          {translate('levier.dashboard.whole_organisation_option')}
        </Link>
        {path.map((o, i) =>
          i === path.length - 1 ? (
            <Typography key={o.code} color="text.primary" aria-current="page">
              {o.name}
            </Typography>
          ) : o.inScope ? (
            <Link key={o.code} component="button" type="button" underline="hover" onClick={() => onPick(o.code)}>
              {o.name}
            </Link>
          ) : (
            <Typography key={o.code} color="text.disabled">
              {o.name}
            </Typography>
          ),
        )}
      </Breadcrumbs>
      {children.length > 0 ? (
        <>
          <Typography variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
            {translate('levier.drill.detail')}
          </Typography>
          {children.map((c) => (
            <Chip
              key={c.code}
              icon={<SubdirectoryArrowRightIcon />}
              label={c.name}
              onClick={() => onPick(c.code)}
              disabled={!c.inScope}
              variant="outlined"
              color="primary"
              clickable
            />
          ))}
        </>
      ) : null}
    </Box>
  );
};

/** Home: scope (in the URL, remembered per user), headline, explanations, charts with tables, reallocation, alerts. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const location = useLocation();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const [saved, setSaved] = useStore<Scope | undefined>(`levier.dashboard.scope.${identity?.id ?? 'anonymous'}`, undefined);
  // Without a saved or linked period: the last complete period range (the last year whose every month is complete or
  // approved, else the twelve months ending with the last complete month), never the latest month alone.
  const linked = /[?&](from|to|period)=/.test(location.search);
  const linkedUnit = new URLSearchParams(location.search).get('orgUnit');
  const periods = useScopePeriods(linkedUnit ?? saved?.orgUnit ?? '');
  // the older fallback (the twelve months ending with the latest month with data), asked at once for servers without the periods endpoint
  const latest = useLatestDataMonth(!saved && !linked);
  const dataDefault = useMemo<Scope>(() => {
    const range = periods.data?.defaultScope;
    if (range) return { orgUnit: '', from: range.from, to: range.to };
    return latest.data ? scopeEndingAt(latest.data) : defaultScope(new Date());
  }, [periods.data, latest.data]);
  const fallback = useMemo(() => saved ?? dataDefault, [saved, dataDefault]);
  const waiting = !saved && !linked && (periods.isLoading || (!periods.data?.defaultScope && latest.isPending));
  const scope = useMemo(() => scopeFromSearch(location.search, fallback), [location.search, fallback]);
  const scopePeriods = useScopePeriods(scope.orgUnit);
  // a scope opened by link (a report e-mail, a shared address) becomes the user's last scope too
  useEffect(() => {
    if (linked && identity?.id !== undefined) setSaved(scope);
  }, [linked, identity?.id, scope.orgUnit, scope.from, scope.to, scope.service, scope.basis]);
  const [explaining, setExplaining] = useState<ExplainableIndicator | null>(null);
  const tree = useOrgUnitTree();

  const apply = useCallback(
    (next: Scope) => {
      setSaved(next);
      navigate({ pathname: location.pathname, search: scopeToSearch(next, location.search) });
    },
    [location.pathname, location.search, navigate, setSaved],
  );
  const reset = useCallback(() => {
    setSaved(undefined);
    const next = dataDefault;
    navigate({ pathname: location.pathname, search: scopeToSearch(next, location.search) });
  }, [dataDefault, location.pathname, location.search, navigate, setSaved]);

  const unitName = tree.options.find((o) => o.code === scope.orgUnit)?.name ?? scope.orgUnit;
  if (waiting) {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 4 }}>
        <Title title="levier.dashboard.title" />
        <CircularProgress size={24} aria-hidden />
        {translate('levier.dashboard.loading')}
      </Box>
    );
  }
  return (
    <Box sx={{ py: 2, minWidth: 0, maxWidth: '100%' }} className="levier-dashboard">
      <Title title="levier.dashboard.title" />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 0.5 }}>
            {translate('levier.dashboard.heading')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }} data-testid="scope-summary">
            {translate('levier.period_words.scope_summary', {
              orgUnit: unitName || translate('levier.dashboard.whole_organisation'),
              range: periodRangeLabel(scope.from, scope.to, locale),
            })}
            {scope.service ? ` · ${translate('levier.scope.service')} : ${scope.service}` : null}
          </Typography>
        </Box>
        <Button startIcon={<PrintIcon />} onClick={() => window.print()} variant="outlined" className="levier-no-print">
          {translate('levier.dashboard.print')}
        </Button>
        <DownloadButton
          path="/documents/dossier-methodologique"
          query={{ ...(scope.orgUnit ? { orgUnit: scope.orgUnit } : {}), from: scope.from, to: scope.to, format: 'pdf' }}
          label={translate('levier.documents.dossier_button')}
          testId="download-dossier"
        />
      </Box>
      <DrillDown scope={scope} options={tree.options} onPick={(code) => apply({ ...scope, orgUnit: code })} />
      <ScopeBar scope={scope} onApply={apply} onReset={reset} />
      <PeriodsNotice scope={scope} periods={scopePeriods.data} />
      <SummarySection scope={scope} onExplain={setExplaining} />
      <SeriesSection scope={scope} />
      <ServicesSection scope={scope} onExplain={setExplaining} />
      <ReallocationSection scope={scope} />
      <AlertsSection scope={scope} />
      <ExplainDialog scope={scope} indicator={explaining} onClose={() => setExplaining(null)} />
    </Box>
  );
};

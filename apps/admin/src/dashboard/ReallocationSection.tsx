import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useId, useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { d, formatRatio, isDecimalLiteral, meanOrNull } from '@levier/indicators';
import { NO_VALUE, formatFixed, formatMoney, formatShare, intlLocale, isDecimalString } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { InitiativesCard } from './InitiativesCard';
import { toSankeyData } from './chart-data';
import type { MaybeDecimal, SankeyGraph } from '@levier/contracts';
import type { Scope } from './scope.types';
import { LazyFlowSankey } from './lazy-charts';
import { flowNodeName } from './sankey-labels';
import { useServices } from './ScopeBar';
import { periodRangeLabel } from './scope-periods';
import { statusOf, useReallocation } from './use-indicators';

const Tile = ({ label, value, hint, note, warn, testId }: { label: string; value: string; hint?: string; note?: string; warn?: boolean; testId?: string }) => (
  <Box sx={{ p: 1.5, border: 1, borderColor: warn ? 'error.main' : 'divider', borderRadius: 1 }} data-testid={testId}>
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Typography component="p" variant="h6" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: warn ? 'error.dark' : 'text.primary' }}>
      {value}
    </Typography>
    {hint ? (
      <Typography variant="caption" sx={{ color: warn ? 'error.dark' : 'text.secondary' }}>
        {hint}
      </Typography>
    ) : null}
    {note ? (
      <Typography component="p" variant="caption" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
        {note}
      </Typography>
    ) : null}
  </Box>
);

/** Mean of the coverage of every need (the API gives one share per need code), in decimals by the engine: 6 places. */
export const meanCoverage = (coverage: Record<string, MaybeDecimal> | null | undefined): string | null => {
  const values = Object.values(coverage ?? {})
    .filter((v): v is string => typeof v === 'string' && isDecimalLiteral(v))
    .map((v) => d(v));
  const mean = meanOrNull(values);
  return mean === null ? null : formatRatio(mean);
};

/** FTE-days to one decimal at most (« 98 », « 12,5 »). */
const formatFteDays = (value: MaybeDecimal | undefined, locale: string): string =>
  isDecimalString(value) ? new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value.trim() as Intl.StringNumericLiteral) : NO_VALUE;

/** The graph with its nodes named in words: M57 functions by their label (`functionLabels`), else « Fonction 423 ». */
const useNamedGraph = (graph: SankeyGraph | null | undefined, functionLabels: Record<string, string | null> | null | undefined): SankeyGraph | null => {
  const translate = useTranslate();
  // services by their label, never their code (« Aide à domicile renforcée (SAAD) », not « SAAD »)
  const services = useServices();
  return useMemo(() => {
    if (!graph) return null;
    const serviceLabels = new Map((services.data ?? []).map((s) => [s.code, s.label]));
    const words = {
      label: (label: string, code: string) => translate('levier.reallocation.function_label', { label, code }),
      code: (code: string) => translate('levier.reallocation.function_code', { code }),
    };
    const names = new Map(graph.nodes.map((n) => [n.name, serviceLabels.get(String(n.name)) ?? flowNodeName(String(n.name ?? ''), functionLabels, words)]));
    const rename = (ref: number | string) => (typeof ref === 'string' && names.has(ref) ? (names.get(ref) as string) : ref);
    return {
      nodes: graph.nodes.map((n) => ({ name: names.get(n.name) ?? n.name })),
      links: graph.links.map((l) => ({ ...l, source: rename(l.source), target: rename(l.target) })),
    };
  }, [graph, functionLabels, translate, services.data]);
};

const FlowTable = ({ graph, caption, unit }: { graph: SankeyGraph | null | undefined; caption: string; unit: 'money' | 'fte' }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string) => translate(`levier.reallocation.${key}`);
  const name = (ref: number | string) => (typeof ref === 'number' ? (graph?.nodes[ref]?.name ?? String(ref)) : ref);
  return (
    <Table size="small">
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{t('from')}</TableCell>
          <TableCell scope="col">{t('to')}</TableCell>
          <TableCell scope="col" align="right">
            {unit === 'money' ? t('amount') : t('fte_days_column')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(graph?.links ?? []).map((l, i) => (
          <TableRow key={i}>
            <TableCell>{name(l.source)}</TableCell>
            <TableCell>{name(l.target)}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {unit === 'money' ? formatMoney(String(l.value), locale) : formatFteDays(String(l.value), locale)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const FlowCard = ({
  graph: apiGraph,
  kind,
  functionLabels,
}: {
  graph: SankeyGraph | null | undefined;
  kind: 'budget' | 'staff';
  functionLabels?: Record<string, string | null> | null;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const graph = useNamedGraph(apiGraph, functionLabels);
  const sankey = useMemo(() => toSankeyData(graph), [graph]);
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.reallocation.${key}`, options);
  const formatValue = (raw: string) => (kind === 'budget' ? formatMoney(raw, locale) : `${formatFteDays(raw, locale)} ${t('fte_days_column')}`);
  return (
    <ChartCard
      testId={`flows-${kind}`}
      title={t(`flows_${kind}_title`)}
      subtitle={sankey.dropped > 0 ? t('flows_dropped', { count: sankey.dropped }) : t(`flows_${kind}_subtitle`)}
      empty={sankey.links.length === 0 ? t('flows_empty') : null}
      chart={<LazyFlowSankey data={sankey} ariaLabel={t(`flows_${kind}_aria`)} formatValue={formatValue} height={Math.max(320, sankey.nodes.length * 44)} />}
      table={<FlowTable graph={graph} caption={t(`flows_${kind}_caption`)} unit={kind === 'budget' ? 'money' : 'fte'} />}
    />
  );
};

/**
 * Reallocation at a glance (organisation-wide, over the scope's period): FTE-days redeployed, critical-need
 * coverage, budget reallocated and fongibilité, in-kind value; budget (euros) and staff (FTE-days) flows as two Sankeys.
 */
export const ReallocationSection = ({ scope }: { scope: Scope }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const { data, isPending, error } = useReallocation(scope);
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.reallocation.${key}`, options);
  const share = (v: MaybeDecimal | undefined) => formatShare(v ?? null, locale);

  let tiles;
  if (isPending) tiles = <Typography role="status">{translate('levier.dashboard.loading')}</Typography>;
  else if (error) tiles = <Alert severity="info">{statusOf(error) === 404 ? t('unavailable') : t('error')}</Alert>;
  else if (data)
    tiles = (
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' } }}>
        <Tile
          testId="realloc-fte"
          label={t('fte_days')}
          value={formatFteDays(data.fteDays, locale)}
          hint={t('fte_years', { value: formatFixed(data.fteYears ?? null, locale, 2) })}
        />
        <Tile
          testId="realloc-critical"
          label={t('critical_coverage')}
          value={share(data.criticalCoverage)}
          hint={t('need_coverage', { value: share(meanCoverage(data.needCoverage)) })}
        />
        <Tile
          testId="realloc-budget"
          label={t('budget')}
          value={formatMoney(data.fongibiliteVolume ?? null, locale)}
          hint={
            data.fongibiliteRate === null || data.fongibiliteRate === undefined
              ? t('fongibilite_unknown')
              : t(data.fongibiliteOverLimit ? 'fongibilite_over' : 'fongibilite', {
                  rate: share(data.fongibiliteRate),
                  limit: data.fongibiliteLimit === null || data.fongibiliteLimit === undefined ? '—' : share(data.fongibiliteLimit),
                })
          }
          note={
            data.fongibiliteRate !== null && data.fongibiliteRate !== undefined && (data.realExpenditureProxyYears ?? []).length > 0
              ? t('fongibilite_proxy', { years: (data.realExpenditureProxyYears ?? []).join(', ') })
              : undefined
          }
          warn={Boolean(data.fongibiliteOverLimit)}
        />
        <Tile testId="realloc-inkind" label={t('in_kind')} value={formatMoney(data.inKindValue ?? null, locale)} />
      </Box>
    );

  return (
    <>
      <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="reallocation">
        <CardContent>
          <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 0.5 }}>
            {t('title')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {translate('levier.reallocation_words.organisation_wide', { range: periodRangeLabel(data?.from ?? scope.from, data?.to ?? scope.to, locale) })}
          </Typography>
          {tiles}
        </CardContent>
      </Card>
      {data && !error ? (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }} data-testid="flows">
          <FlowCard graph={data.flows?.budget} kind="budget" functionLabels={data.functionLabels} />
          <FlowCard graph={data.flows?.staff} kind="staff" functionLabels={data.functionLabels} />
        </Box>
      ) : null}
      <InitiativesCard scope={scope} />
    </>
  );
};

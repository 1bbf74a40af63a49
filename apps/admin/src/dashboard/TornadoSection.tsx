import { Box, Link, Typography } from '@mui/material';
import { lazy, useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { formatDecimal, formatMoney, formatShare, isDecimalString } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { DataTable } from './DataTable';
import type { IndicatorSummary, SensitivityItem } from '@levier/contracts';
import type { TornadoRow } from './TornadoChart';

const LazyTornadoChart = lazy(() => import('./TornadoChart').then((m) => ({ default: m.TornadoChart })));

/** A sensitivity line as the API gives it (apps/api/src/indicators/indicators.service.ts `sensitivity`). */
export type TornadoItem = SensitivityItem & {
  /** The assumption's own low / central / high values. */
  values?: { low: string; central: string; high: string } | null;
  /** Where the assumption is edited. */
  source?: { resource: 'unit-costs' | 'outcome-assumptions'; id: string } | null;
  /** Which local evaluation would narrow its range, in words. */
  narrowing?: string | null;
};

/** How many bars the tornado draws, and for how many of the widest it says what would narrow them. */
const MAX_BARS = 10;
const NARROWED = 3;
/** Outcome keys that are shares (shown as %); a unit cost's amount is money; the rest plain decimals. */
const SHARE_KEYS = new Set(['rateWithout', 'rateWith', 'engagement', 'deadweight', 'attribution', 'displacement', 'dropOff']);

export const assumptionValue = (parameter: string, value: string | null | undefined, locale: string): string => {
  const [first, , key] = parameter.split('/');
  if (first === 'unitCost') return formatMoney(value ?? null, locale);
  return SHARE_KEYS.has(key) ? formatShare(value ?? null, locale) : formatDecimal(value ?? null, locale);
};

export const sourcePath = (item: TornadoItem): string | null => (item.source ? `/${item.source.resource}/${item.source.id}` : null);

type Row = { key: string; label: string; item: TornadoItem };

/**
 * « Quelle hypothèse pèse le plus ? »: the engine's sensitivity (conventions 2) as a tornado around the central net
 * medico-social savings, each assumption in words with its low / high values, each bar opening the assumption's screen;
 * for the widest ranges, which local evaluation would narrow them. A table alternative, like every chart.
 */
export const TornadoSection = ({ summary }: { summary: IndicatorSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.tornado.${key}`, options);
  const items = useMemo(
    () => ((summary.sensitivity ?? []) as TornadoItem[]).filter((s) => isDecimalString(s.low) && isDecimalString(s.high)).slice(0, MAX_BARS),
    [summary.sensitivity],
  );
  const central = isDecimalString(summary.netSavings) ? summary.netSavings : null;
  if (items.length === 0 || central === null) return null;

  const money = (v: string | null | undefined) => formatMoney(v ?? null, locale);
  const name = (item: TornadoItem) => (item.label && item.label.trim() !== '' ? item.label : item.parameter);
  const range = (item: TornadoItem) =>
    item.values
      ? t('assumption_range', {
          low: assumptionValue(item.parameter, item.values.low, locale),
          high: assumptionValue(item.parameter, item.values.high, locale),
        })
      : '—';
  const rows: Row[] = items.map((item) => ({ key: item.parameter, label: name(item), item }));
  const chartRows: TornadoRow[] = items.map((item) => {
    const [a, b] = [Number(item.low), Number(item.high)];
    return {
      key: item.parameter,
      label: name(item),
      range: [Math.min(a, b), Math.max(a, b)],
      tooltip: t('tooltip', { range: range(item), low: money(item.low as string), high: money(item.high as string) }),
    };
  });
  const open = (key: string) => {
    const path = sourcePath(items.find((i) => i.parameter === key) ?? ({} as TornadoItem));
    if (path) navigate(path);
  };
  const narrowed = items.filter((i) => i.narrowing && isDecimalString(i.swing) && Number(i.swing) !== 0).slice(0, NARROWED);

  const narrowing =
    narrowed.length > 0 ? (
      <Box data-testid="tornado-narrowing" sx={{ mt: 1 }}>
        {narrowed.map((i) => (
          <Typography key={i.parameter} variant="body2" component="p" sx={{ color: 'text.secondary' }}>
            {i.narrowing}
          </Typography>
        ))}
      </Box>
    ) : null;

  return (
    <ChartCard
      testId="tornado"
      title={t('title')}
      subtitle={t('subtitle', { central: money(central) })}
      chart={
        <>
          <LazyTornadoChart
            rows={chartRows}
            central={Number(central)}
            centralLabel={t('central', { central: money(central) })}
            ariaLabel={t('aria')}
            onOpen={open}
          />
          {narrowing}
        </>
      }
      table={
        <>
          <DataTable<Row>
            caption={t('caption', { central: money(central) })}
            rowHeader={t('assumption')}
            rows={rows}
            columns={[
              { label: t('values'), value: (r) => range(r.item) },
              { label: t('with_low'), value: (r) => money(r.item.low as string) },
              { label: t('with_high'), value: (r) => money(r.item.high as string) },
              { label: t('swing'), value: (r) => money(r.item.swing as string) },
              {
                label: t('edit'),
                value: (r) => {
                  const path = sourcePath(r.item);
                  return path ? (
                    <Link component={RouterLink} to={path} aria-label={t('edit_named', { label: r.label })}>
                      {t('edit')}
                    </Link>
                  ) : (
                    '—'
                  );
                },
              },
            ]}
          />
          {narrowing}
        </>
      }
    />
  );
};

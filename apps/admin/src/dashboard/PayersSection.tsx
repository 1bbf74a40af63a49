import { Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { DataTable } from './DataTable';
import { hasLedger, toLedgerRows, toPayerRows } from './chart-data';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator, IndicatorSummary } from '@levier/contracts';
import type { Scope } from './scope.types';
import { LazyBarsChart } from './lazy-charts';
import { payerLabel } from './payer-label';
import { useIndicatorPayers } from './use-indicators';

export const PAYER_COLOR = '#1565c0';
export const COST_BORNE_COLOR = '#c62828';
export const NET_COLOR = '#37474f';

/**
 * "Qui économise ?": avoided costs by payer, bars plus a low–high table. Under conventions 2 it becomes « Qui paie, qui
 * économise ? »: per payer, avoided costs, the cost of services it funds and its net, a negative net shown as such.
 */
export const PayersSection = ({ scope, summary, onExplain }: { scope: Scope; summary?: IndicatorSummary; onExplain?: (i: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useIndicatorPayers(scope);
  const items = error ? null : data;
  const ledger = hasLedger(items) || (summary?.conventions === 2 && summary.ledger !== undefined);
  const rows = useMemo(() => toPayerRows(items, summary), [items, summary]);
  const ledgerRows = useMemo(() => (ledger ? toLedgerRows(items, summary) : []), [ledger, items, summary]);
  const actions = onExplain ? <ExplainButton indicator="byPayer" onExplain={onExplain} /> : null;

  if (ledger) {
    const money = (v: string | null) => formatMoney(v, locale);
    const chartRows = ledgerRows.map((r) => ({
      ...r,
      label: payerLabel(translate, r.key),
      tooltips: { avoided: money(r.raw.avoided), costBorne: money(r.raw.cost), net: money(r.raw.net) },
    }));
    const losers = chartRows.filter((r) => r.negative);
    return (
      <ChartCard
        testId="payers"
        exportChart={{ chart: 'ledger', scope }}
        title={translate('levier.payers.ledger_title')}
        subtitle={translate('levier.payers.ledger_subtitle')}
        isPending={isPending && !summary}
        empty={chartRows.length === 0 ? translate('levier.payers.empty') : null}
        actions={actions}
        chart={
          <>
            <LazyBarsChart
              rows={chartRows}
              categoryKey="label"
              bars={[
                { dataKey: 'avoided', name: translate('levier.payers.avoided'), color: PAYER_COLOR, stackId: 'flows' },
                { dataKey: 'costBorne', name: translate('levier.payers.cost_borne'), color: COST_BORNE_COLOR, stackId: 'flows' },
                { dataKey: 'net', name: translate('levier.payers.net'), color: NET_COLOR },
              ]}
              ariaLabel={translate('levier.payers.ledger_aria')}
              horizontal
              stackOffset="sign"
              height={Math.max(200, chartRows.length * 64 + 60)}
            />
            {losers.length > 0 ? (
              <Typography variant="body2" sx={{ mt: 1, color: 'error.dark' }} data-testid="payers-negative">
                {translate('levier.payers.net_negative', { payers: losers.map((r) => `${r.label} (${money(r.raw.net)})`).join(', ') })}
              </Typography>
            ) : null}
          </>
        }
        table={
          <DataTable
            caption={translate('levier.payers.ledger_caption')}
            rowHeader={translate('levier.payers.payer')}
            rows={chartRows}
            columns={[
              { label: translate('levier.payers.avoided'), value: (r) => money(r.raw.avoided) },
              { label: translate('levier.payers.cost_borne'), value: (r) => money(r.raw.cost) },
              {
                label: translate('levier.payers.net'),
                value: (r) =>
                  r.negative ? (
                    <Box component="span" sx={{ color: 'error.dark', fontWeight: 600 }}>
                      {money(r.raw.net)} ({translate('levier.payers.negative')})
                    </Box>
                  ) : (
                    money(r.raw.net)
                  ),
              },
              { label: translate('levier.chart.low'), value: (r) => money(r.raw.low) },
              { label: translate('levier.chart.high'), value: (r) => money(r.raw.high) },
            ]}
          />
        }
      />
    );
  }

  const chartRows = rows.map((r) => ({ ...r, label: payerLabel(translate, r.key) }));
  return (
    <ChartCard
      testId="payers"
      exportChart={{ chart: 'payers', scope }}
      title={translate('levier.payers.title')}
      subtitle={translate('levier.payers.subtitle')}
      isPending={isPending && !summary}
      empty={rows.length === 0 ? translate('levier.payers.empty') : null}
      actions={actions}
      chart={
        <LazyBarsChart
          rows={chartRows}
          categoryKey="label"
          bars={[{ dataKey: 'amount', name: translate('levier.payers.amount'), color: PAYER_COLOR }]}
          ariaLabel={translate('levier.payers.aria')}
          horizontal
          height={Math.max(160, rows.length * 48 + 40)}
        />
      }
      table={
        <DataTable
          caption={translate('levier.payers.caption')}
          rowHeader={translate('levier.payers.payer')}
          rows={chartRows}
          columns={[
            { label: translate('levier.payers.amount'), value: (r) => formatMoney(r.raw.amount, locale) },
            { label: translate('levier.chart.low'), value: (r) => formatMoney(r.raw.low, locale) },
            { label: translate('levier.chart.high'), value: (r) => formatMoney(r.raw.high, locale) },
          ]}
        />
      }
    />
  );
};

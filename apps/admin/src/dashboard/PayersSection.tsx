import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../format/decimal-format';
import { ChartCard } from './ChartCard';
import { DataTable } from './DataTable';
import { toPayerRows } from './chart-data';
import { ExplainButton } from './ExplainButton';
import type { ExplainableIndicator, IndicatorSummary, Scope } from './indicators.types';
import { LazyBarsChart } from './lazy-charts';
import { useIndicatorPayers } from './use-indicators';

export const PAYER_COLOR = '#1565c0';

/** "Qui économise ?": gross savings by payer, bars plus a low–high table. */
export const PayersSection = ({ scope, summary, onExplain }: { scope: Scope; summary?: IndicatorSummary; onExplain?: (i: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useIndicatorPayers(scope);
  const rows = useMemo(() => toPayerRows(error ? null : data, summary), [data, error, summary]);
  const chartRows = rows.map((r) => ({ ...r, label: translate(`levier.payers.${r.key}`, { _: r.key }) }));
  return (
    <ChartCard
      testId="payers"
      title={translate('levier.payers.title')}
      subtitle={translate('levier.payers.subtitle')}
      isPending={isPending && !summary}
      empty={rows.length === 0 ? translate('levier.payers.empty') : null}
      actions={onExplain ? <ExplainButton indicator="byPayer" onExplain={onExplain} /> : null}
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

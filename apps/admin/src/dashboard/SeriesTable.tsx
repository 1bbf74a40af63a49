import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatPerEuro } from '../format/decimal-format';
import { boundValue, type ChartRow } from './series-rows';
import { DataTable, type DataColumn } from './DataTable';

/** The chart's data as a table: the accessible alternative (RGAA 1.8 / WCAG 1.1.1). */
export const SeriesTable = ({ rows }: { rows: ChartRow[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const hasRange = rows.some((r) => boundValue(r.item.low) !== null || boundValue(r.item.high) !== null);
  const columns: DataColumn<ChartRow>[] = [
    { label: translate('levier.headline.grossSavings'), value: (r) => formatMoney(r.item.grossSavings, locale) },
    ...(hasRange
      ? [
          { label: translate('levier.chart.low'), value: (r: ChartRow) => formatMoney(boundValue(r.item.low), locale) },
          { label: translate('levier.chart.high'), value: (r: ChartRow) => formatMoney(boundValue(r.item.high), locale) },
        ]
      : []),
    { label: translate('levier.headline.cost'), value: (r) => formatMoney(r.item.cost, locale) },
    { label: translate('levier.headline.netSavings'), value: (r) => formatMoney(r.item.netSavings, locale) },
    { label: translate('levier.headline.offsetRatio'), value: (r) => formatPerEuro(r.item.offsetRatio, locale) },
  ];
  return <DataTable caption={translate('levier.chart.caption')} rowHeader={translate('levier.chart.period')} columns={columns} rows={rows} maxHeight={420} />;
};

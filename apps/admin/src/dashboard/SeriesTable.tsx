import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatPerEuro } from '../format/decimal-format';
import { boundValue, type ChartRow } from './series-rows';
import { DataTable, type DataColumn } from './DataTable';

/** The chart's data as a table: the accessible alternative (RGAA 1.8 / WCAG 1.1.1). */
export const SeriesTable = ({ rows }: { rows: ChartRow[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const hasRange = rows.some((r) => boundValue(r.item.low) !== null || boundValue(r.item.high) !== null);
  // a period without values says why, greyed, in every cell: « pas de données » or « non approuvé », never 0 €
  const cell =
    (text: (r: ChartRow) => string) =>
    (r: ChartRow): ReactNode =>
      r.coverage === 'data' ? (
        text(r)
      ) : (
        <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }} data-testid={`series-cell-${r.coverage}`}>
          {translate(`levier.chart.${r.coverage}`)}
        </Box>
      );
  const columns: DataColumn<ChartRow>[] = [
    { label: translate('levier.headline.grossSavings'), value: cell((r) => formatMoney(r.item.grossSavings, locale)) },
    ...(hasRange
      ? [
          { label: translate('levier.chart.low'), value: cell((r: ChartRow) => formatMoney(boundValue(r.item.low), locale)) },
          { label: translate('levier.chart.high'), value: cell((r: ChartRow) => formatMoney(boundValue(r.item.high), locale)) },
        ]
      : []),
    { label: translate('levier.headline.cost'), value: cell((r) => formatMoney(r.item.cost, locale)) },
    { label: translate('levier.headline.netSavings'), value: cell((r) => formatMoney(r.item.netSavings, locale)) },
    { label: translate('levier.headline.offsetRatio'), value: cell((r) => formatPerEuro(r.item.offsetRatio, locale)) },
  ];
  return <DataTable caption={translate('levier.chart.caption')} rowHeader={translate('levier.chart.period')} columns={columns} rows={rows} maxHeight={420} />;
};

import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney, formatRatio } from '../format/decimal-format';
import { boundValue, type ChartRow } from './series-rows';

/** The chart's data as a table: the accessible alternative (RGAA 1.8 / WCAG 1.1.1). */
export const SeriesTable = ({ rows }: { rows: ChartRow[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const hasRange = rows.some((r) => boundValue(r.item.low) !== null || boundValue(r.item.high) !== null);
  const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };
  return (
    <TableContainer sx={{ maxHeight: 420 }} tabIndex={0}>
      <Table size="small" stickyHeader>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{translate('levier.chart.caption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{translate('levier.chart.period')}</TableCell>
            <TableCell scope="col" align="right">
              {translate('levier.headline.grossSavings')}
            </TableCell>
            {hasRange ? (
              <>
                <TableCell scope="col" align="right">
                  {translate('levier.chart.low')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {translate('levier.chart.high')}
                </TableCell>
              </>
            ) : null}
            <TableCell scope="col" align="right">
              {translate('levier.headline.cost')}
            </TableCell>
            <TableCell scope="col" align="right">
              {translate('levier.headline.netSavings')}
            </TableCell>
            <TableCell scope="col" align="right">
              {translate('levier.headline.offsetRatio')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell {...num}>{formatMoney(row.item.grossSavings, locale)}</TableCell>
              {hasRange ? (
                <>
                  <TableCell {...num}>{formatMoney(boundValue(row.item.low), locale)}</TableCell>
                  <TableCell {...num}>{formatMoney(boundValue(row.item.high), locale)}</TableCell>
                </>
              ) : null}
              <TableCell {...num}>{formatMoney(row.item.cost, locale)}</TableCell>
              <TableCell {...num}>{formatMoney(row.item.netSavings, locale)}</TableCell>
              <TableCell {...num}>{formatRatio(row.item.offsetRatio, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

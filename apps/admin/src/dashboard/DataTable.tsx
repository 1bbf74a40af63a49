import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

export interface DataColumn<R> {
  label: string;
  /** The cell's text, already formatted for the locale. */
  value: (row: R) => ReactNode;
}

const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };

/**
 * A chart's data as a table (the accessible alternative, RGAA 1.8 / WCAG 1.1.1): a caption, one row header per
 * category, right-aligned figures. Shared by every chart of the dashboard.
 */
export const DataTable = <R extends { key: string; label: string }>({
  caption,
  rowHeader,
  columns,
  rows,
  maxHeight,
}: {
  caption: string;
  rowHeader: string;
  columns: DataColumn<R>[];
  rows: R[];
  maxHeight?: number;
}) => (
  <TableContainer sx={maxHeight ? { maxHeight } : undefined} tabIndex={maxHeight ? 0 : undefined}>
    <Table size="small" stickyHeader={maxHeight !== undefined}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{rowHeader}</TableCell>
          {columns.map((c) => (
            <TableCell key={c.label} scope="col" align="right">
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            {columns.map((c) => (
              <TableCell key={c.label} {...num}>
                {c.value(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

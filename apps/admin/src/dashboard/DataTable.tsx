import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { Fragment, type ReactNode } from 'react';

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
  note,
}: {
  caption: string;
  rowHeader: string;
  columns: DataColumn<R>[];
  rows: R[];
  maxHeight?: number;
  /** A sentence shown under a row, across the table (e.g. why a service stays negative); null for none. */
  note?: (row: R) => ReactNode | null;
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
        {rows.map((row) => {
          const text = note?.(row) ?? null;
          return (
            <Fragment key={row.key}>
              <TableRow>
                <TableCell component="th" scope="row" sx={text === null ? undefined : { borderBottom: 'none' }}>
                  {row.label}
                </TableCell>
                {columns.map((c) => (
                  <TableCell key={c.label} {...num} sx={text === null ? num.sx : { ...num.sx, borderBottom: 'none' }}>
                    {c.value(row)}
                  </TableCell>
                ))}
              </TableRow>
              {text === null ? null : (
                <TableRow data-testid={`row-note-${row.key}`}>
                  <TableCell colSpan={columns.length + 1} sx={{ pt: 0, color: 'text.secondary', fontStyle: 'italic' }}>
                    {text}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  </TableContainer>
);

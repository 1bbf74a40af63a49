/** The title and column headers of the tables of an import and of a figure's history: the title above the table, bold. */
import { TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

export const TableHeading = ({ caption, headers }: { caption: ReactNode; headers: readonly string[] }) => (
  <>
    <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0', fontWeight: 600 }}>{caption}</caption>
    <TableHead>
      <TableRow>
        {headers.map((h) => (
          <TableCell key={h} scope="col">
            {h}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  </>
);

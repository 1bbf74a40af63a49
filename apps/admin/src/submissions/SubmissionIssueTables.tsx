import { Table, TableBody, TableCell, TableContainer, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { TableHeading } from '../common/TableHeading';

export interface SubmissionRowError {
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}
export interface SubmissionFlag {
  line: number | null;
  kind: string;
  message: string;
}

/** A flag's kind in words (the API's codes `outlier`, `out_of_range` never reach the screen). */
export const FLAG_KINDS: Readonly<Record<string, string>> = { outlier: 'Valeur inhabituelle', out_of_range: 'Hors des bornes attendues' };

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** One table of a submission's issues, with its caption, scrolling when long (shared by the import wizard and the show page). */
const IssueTable = <R,>({
  label,
  testId,
  maxHeight,
  headers,
  rows,
  cells,
}: {
  label: string;
  testId: string;
  maxHeight: number;
  headers: string[];
  rows: R[];
  cells: (row: R) => unknown[];
}) => (
  <TableContainer sx={{ maxHeight, mb: 2 }} tabIndex={0}>
    <Table size="small" stickyHeader aria-label={label} data-testid={testId}>
      <TableHeading caption={label} headers={headers} />
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i}>
            {cells(row).map((c, j) => (
              <TableCell key={j}>{text(c)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

/** Row-level errors: line, column, value, reason — what a finance officer needs to fix the file. */
export const SubmissionErrorsTable = ({ errors }: { errors: SubmissionRowError[] }) => {
  const translate = useTranslate();
  return (
    <IssueTable
      label={translate('levier.submissions.errors')}
      testId="row-errors"
      maxHeight={360}
      headers={[
        translate('levier.submissions.line'),
        translate('levier.submissions.column'),
        translate('levier.submissions.value'),
        translate('levier.submissions.message'),
      ]}
      rows={errors}
      cells={(e) => [e.line, e.column, e.value, e.message]}
    />
  );
};

/** Accepted-but-flagged rows (outliers, out of usual range). */
export const SubmissionFlagsTable = ({ flags }: { flags: SubmissionFlag[] }) => {
  const translate = useTranslate();
  return (
    <IssueTable
      label={translate('levier.submissions.flags')}
      testId="row-flags"
      maxHeight={300}
      headers={[translate('levier.submissions.line'), translate('levier.submissions.kind'), translate('levier.submissions.message')]}
      rows={flags}
      cells={(f) => [f.line, FLAG_KINDS[f.kind] ?? 'Signalement', f.message]}
    />
  );
};

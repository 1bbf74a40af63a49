import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DataTable, DateField, Labeled, NumberField, SelectInput, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/fields';
import { enumChoices } from '../common/validators';
import { LevierList } from '../common/LevierList';

export const SUBMISSION_STATUSES = ['received', 'validating', 'rejected', 'applied'] as const;

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

const filters = [<SelectInput key="status" source="status" choices={enumChoices('submission_status', SUBMISSION_STATUSES)} alwaysOn />];

export const SubmissionList = () => (
  <LevierList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="submission_status" />
      </DataTable.Col>
      <DataTable.Col source="source">
        <EnumField source="source" enumName="source" />
      </DataTable.Col>
      <DataTable.NumberCol source="rowCount" />
      <DataTable.NumberCol source="appliedCount" />
      <DataTable.Col source="errors" disableSort render={(record) => (Array.isArray(record.errors) ? record.errors.length : 0)} align="right" />
    </DataTable>
  </LevierList>
);

const Cell = ({ children }: { children: unknown }) => (
  <TableCell>{children === null || children === undefined || children === '' ? '—' : String(children)}</TableCell>
);

/** Row-level errors: line, column, value, reason — what a finance officer needs to fix the file. */
const ErrorsTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const errors: SubmissionRowError[] = Array.isArray(record?.errors) ? record.errors : [];
  if (errors.length === 0) return <Typography variant="body2">{translate('levier.submissions.no_errors')}</Typography>;
  return (
    <Table size="small" aria-label={translate('levier.submissions.errors')}>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate('levier.submissions.line')}</TableCell>
          <TableCell scope="col">{translate('levier.submissions.column')}</TableCell>
          <TableCell scope="col">{translate('levier.submissions.value')}</TableCell>
          <TableCell scope="col">{translate('levier.submissions.message')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {errors.map((e, i) => (
          <TableRow key={i}>
            <Cell>{e.line}</Cell>
            <Cell>{e.column}</Cell>
            <Cell>{e.value}</Cell>
            <Cell>{e.message}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const FlagsTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const flags: SubmissionFlag[] = Array.isArray(record?.flags) ? record.flags : [];
  if (flags.length === 0) return <Typography variant="body2">{translate('levier.submissions.no_flags')}</Typography>;
  return (
    <Table size="small" aria-label={translate('levier.submissions.flags')}>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate('levier.submissions.line')}</TableCell>
          <TableCell scope="col">{translate('levier.submissions.kind')}</TableCell>
          <TableCell scope="col">{translate('levier.submissions.message')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {flags.map((f, i) => (
          <TableRow key={i}>
            <Cell>{f.line}</Cell>
            <Cell>{f.kind}</Cell>
            <Cell>{f.message}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const SubmissionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <DateField source="createdAt" showTime />
      <EnumField source="status" enumName="submission_status" />
      <EnumField source="source" enumName="source" />
      <NumberField source="rowCount" locales="fr-FR" />
      <NumberField source="appliedCount" locales="fr-FR" />
      <Labeled label="levier.submissions.errors" fullWidth>
        <ErrorsTable />
      </Labeled>
      <Labeled label="levier.submissions.flags" fullWidth>
        <FlagsTable />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);

import { Typography } from '@mui/material';
import { DataTable, DateField, Labeled, NumberField, SelectInput, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/fields';
import { enumChoices } from '../common/validators';
import { LevierList } from '../common/LevierList';
import { SubmissionErrorsTable, SubmissionFlagsTable, type SubmissionFlag, type SubmissionRowError } from './SubmissionIssueTables';

export const SUBMISSION_STATUSES = ['received', 'validating', 'rejected', 'applied'] as const;

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

/** The show page's issue tables, from the record (an empty list says so). */
const ErrorsTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const errors: SubmissionRowError[] = Array.isArray(record?.errors) ? record.errors : [];
  return errors.length === 0 ? <Typography variant="body2">{translate('levier.submissions.no_errors')}</Typography> : <SubmissionErrorsTable errors={errors} />;
};

const FlagsTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const flags: SubmissionFlag[] = Array.isArray(record?.flags) ? record.flags : [];
  return flags.length === 0 ? <Typography variant="body2">{translate('levier.submissions.no_flags')}</Typography> : <SubmissionFlagsTable flags={flags} />;
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

import { Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  Labeled,
  NumberField,
  SelectInput,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type ShowProps,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { enumChoices } from '../common/validators';
import { LevierList } from '../common/LevierList';
import { formatDateTime } from '../format/decimal-format';
import { ErrorReportDownload } from '../data-entry/ImportFileDownloads';
import { SubmissionPreview } from '../data-entry/SubmissionPreview';
import type { SubmissionPreviewData } from '../data-entry/submission-status';
import { SubmissionErrorsTable, SubmissionFlagsTable, type SubmissionFlag, type SubmissionRowError } from './SubmissionIssueTables';
import { ShowPage } from '../common/record-pages';

export const SUBMISSION_STATUSES = ['received', 'validating', 'rejected', 'applied', 'previewed', 'discarded'] as const;

const filters = [<SelectInput key="status" source="status" choices={enumChoices('submission_status', SUBMISSION_STATUSES)} alwaysOn />];

interface SubmissionRecord {
  id: string;
  source?: string;
  fileName?: string | null;
  createdAt?: string;
  errors?: SubmissionRowError[];
  flags?: SubmissionFlag[];
  preview?: SubmissionPreviewData | null;
}

/** A submission in words: « chiffres-mars.csv — 12 mars 2024, 10:30 », « Saisie dans la grille — … »; never its id. */
export const useSubmissionTitle = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (record: SubmissionRecord | undefined): string => {
    if (!record) return '';
    const date = formatDateTime(record.createdAt ?? null, locale);
    if (record.fileName) return translate('levier.month_end.submission.title_file', { file: record.fileName, date });
    if (record.source === 'grid') return translate('levier.month_end.submission.title_grid', { date });
    if (record.source === 'form') return translate('levier.month_end.submission.title_form', { date });
    return translate('levier.month_end.submission.title_other', { date });
  };
};

const SubmissionTitle = () => {
  const record = useRecordContext<SubmissionRecord>();
  const title = useSubmissionTitle();
  return <span>{title(record)}</span>;
};

export const SubmissionList = () => (
  <LevierList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="fileName" disableSort render={(record) => String(record.fileName ?? '—')} />
      <DataTable.Col source="createdByName" disableSort render={(record) => String(record.createdByName ?? '—')} />
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

/** The show page's issue tables, from the record (an empty list says so), with the error report to download. */
const ErrorsTable = () => {
  const record = useRecordContext<SubmissionRecord>();
  const translate = useTranslate();
  const errors: SubmissionRowError[] = Array.isArray(record?.errors) ? record.errors : [];
  if (errors.length === 0) return <Typography variant="body2">{translate('levier.submissions.no_errors')}</Typography>;
  return (
    <>
      {record ? <ErrorReportDownload submissionId={record.id} /> : null}
      <SubmissionErrorsTable errors={errors} />
    </>
  );
};

const FlagsTable = () => {
  const record = useRecordContext<SubmissionRecord>();
  const translate = useTranslate();
  const flags: SubmissionFlag[] = Array.isArray(record?.flags) ? record.flags : [];
  return flags.length === 0 ? <Typography variant="body2">{translate('levier.submissions.no_flags')}</Typography> : <SubmissionFlagsTable flags={flags} />;
};

/** The changes the submission made or would make (its preview: new, old → new, unchanged). */
const ChangesField = () => {
  const record = useRecordContext<SubmissionRecord>();
  const translate = useTranslate();
  if (!record?.preview) return <Typography variant="body2">{translate('levier.month_end.submission.no_preview')}</Typography>;
  return <SubmissionPreview preview={record.preview} fileName={null} submissionId={record.id} />;
};

const Heading = () => {
  const record = useRecordContext<SubmissionRecord>();
  const title = useSubmissionTitle();
  return (
    <Typography component="h1" variant="h5" sx={{ fontWeight: 700 }} data-testid="submission-title">
      {title(record)}
    </Typography>
  );
};

export const SubmissionShow = (props: Omit<ShowProps, 'children'>) => (
  <ShowPage title={<SubmissionTitle />} {...props}>
    <Heading />
    <TextField source="fileName" emptyText="—" />
    <TextField source="createdByName" emptyText="—" />
    <DateField source="createdAt" showTime locales="fr-FR" />
    <EnumField source="status" enumName="submission_status" />
    <EnumField source="source" enumName="source" />
    <NumberField source="rowCount" locales="fr-FR" />
    <NumberField source="appliedCount" locales="fr-FR" />
    <Labeled label="levier.month_end.submission.changes" fullWidth>
      <ChangesField />
    </Labeled>
    <Labeled label="levier.submissions.errors" fullWidth>
      <ErrorsTable />
    </Labeled>
    <Labeled label="levier.submissions.flags" fullWidth>
      <FlagsTable />
    </Labeled>
  </ShowPage>
);

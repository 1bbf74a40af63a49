/** Report subscriptions (scheduled e-mails of the dashboard) and their delivery log. */
import SendIcon from '@mui/icons-material/Send';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  DataTable,
  DateField,
  Edit,
  EditButton,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { CatalogueLabelField } from '../common/catalogue-label-field';
import { EnumField } from '../common/fields';
import { LevierList } from '../common/LevierList';
import { ListTextInput } from '../common/ListTextInput';
import { enumChoices } from '../common/validators';
import type { LevierDataProvider } from '../dataProvider';
import { ReportPreviewButton } from './ReportPreviewButton';
import { SchedulePicker, ScheduleText } from './SchedulePicker';
import { ShowPage } from '../common/record-pages';

export const REPORT_INDICATORS = ['grossSavings', 'cost', 'netSavings', 'offsetRatio', 'cashable'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
/** Documents for the board a subscription may attach (the API's `REPORT_DOCUMENTS`). */
export const REPORT_DOCUMENTS = ['dossier-methodologique', 'fongibilite', 'prets-en-nature'] as const;
export const REPORT_COVERAGES = ['month', 'quarter', 'year', 'year_to_date'] as const;
/** The label of each indicator a report can show (the encaissable share is a detail, not a headline). */
export const REPORT_INDICATOR_LABELS: Record<(typeof REPORT_INDICATORS)[number], string> = {
  grossSavings: 'levier.headline.grossSavings',
  cost: 'levier.headline.cost',
  netSavings: 'levier.headline.netSavings',
  offsetRatio: 'levier.headline.offsetRatio',
  cashable: 'levier.details.cashable',
};
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unsubscribed', 'skipped'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emails = (): Validator => (value: unknown) =>
  !Array.isArray(value) || value.length === 0
    ? 'levier.validation.recipients_required'
    : value.every((v) => typeof v === 'string' && EMAIL.test(v))
      ? undefined
      : 'levier.validation.email';
const nonEmpty = (): Validator => (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'ra.validation.required');

/** "Envoyer un aperçu maintenant": `POST /api/report-subscriptions/:id/send` → 202, one delivery per recipient. */
export const SendPreviewButton = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'report-subscriptions', action: 'send', record });
  if (!record || !canAccess || !dataProvider.apiPost) return null;
  const send = async () => {
    setBusy(true);
    try {
      const { json } = await dataProvider.apiPost!<{ period: string; enqueued: number; recipients: number }>(`/report-subscriptions/${record.id}/send`, {});
      notify('levier.reports.sent', { type: 'success', messageArgs: { count: json.enqueued, recipients: json.recipients, period: json.period } });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'levier.reports.send_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" variant="contained" startIcon={<SendIcon />} onClick={() => void send()} disabled={busy} data-testid="send-preview">
      {translate('levier.reports.send_now')}
    </Button>
  );
};

export const ReportSubscriptionList = () => (
  <LevierList filters={[<TextInput key="q" source="q" alwaysOn />, <BooleanInput key="active" source="active" />]} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="recipients" disableSort />
      <DataTable.Col source="orgUnits" disableSort>
        <CatalogueLabelField source="orgUnits" reference="org-units" />
      </DataTable.Col>
      <DataTable.Col source="schedule">
        <ScheduleField />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="nextRunAt" disableSort>
        <DateField source="nextRunAt" showTime />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

/** The record's schedule in words. */
const ScheduleField = (_props: { label?: string }) => {
  const record = useRecordContext<{ schedule?: string }>();
  return record?.schedule ? <ScheduleText cron={record.schedule} /> : null;
};

/** The services of a subscription by their labels, or « Tous les services » when it names none. */
const ServicesField = (_props: { label?: string }) => {
  const record = useRecordContext<{ services?: string[] }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" component="div" data-testid="report-services">
      {(record.services ?? []).length === 0 ? translate('levier.report_fields.all_services') : <CatalogueLabelField source="services" reference="services" />}
    </Typography>
  );
};

/** Each list of codes of a record in words: indicator labels, « PDF, XLSX », the language's name. */
const WordsField = ({ source }: { source: 'indicators' | 'formats' | 'documents' | 'language' | 'periodCovered'; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  if (!record) return null;
  const value = record[source];
  const list = Array.isArray(value) ? value.map(String) : [];
  let text: string;
  if (source === 'indicators')
    text =
      list.length === 0
        ? translate('levier.report_fields.default_indicators')
        : list.map((i) => translate(REPORT_INDICATOR_LABELS[i as (typeof REPORT_INDICATORS)[number]] ?? i)).join(', ');
  else if (source === 'formats') text = list.map((f) => f.toUpperCase()).join(', ');
  else if (source === 'documents')
    text = list.length === 0 ? translate('levier.documents.attach_none') : list.map((d) => translate(`levier.documents.attach.${d}`)).join(' ; ');
  else if (source === 'language') text = translate(`levier.report_fields.language.${String(value ?? 'fr')}`);
  else text = translate(`levier.coverage.${String(value ?? 'month')}`);
  return (
    <Typography variant="body2" data-testid={`report-${source}`}>
      {text}
    </Typography>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <ReportPreviewButton />
    <SendPreviewButton />
    <EditButton />
  </TopToolbar>
);

export const ReportSubscriptionShow = () => (
  <ShowPage actions={<ShowActions />}>
    <TextField source="name" />
    <TextField source="recipients" />
    <CatalogueLabelField source="orgUnits" reference="org-units" label="resources.report-subscriptions.fields.orgUnits" />
    <ServicesField label="resources.report-subscriptions.fields.services" />
    <WordsField source="indicators" label="resources.report-subscriptions.fields.indicators" />
    <ScheduleField label="resources.report-subscriptions.fields.schedule" />
    <WordsField source="periodCovered" label="resources.report-subscriptions.fields.periodCovered" />
    <TextField source="timezone" />
    <WordsField source="language" label="resources.report-subscriptions.fields.language" />
    <WordsField source="formats" label="resources.report-subscriptions.fields.formats" />
    <WordsField source="documents" label="levier.documents.attach_label" />
    <BooleanField source="active" />
    <DateField source="nextRunAt" showTime emptyText="—" />
    <DateField source="lastDispatchedAt" showTime emptyText="—" />
    <DateField source="createdAt" showTime />
  </ShowPage>
);

const useCodes = (resource: string, labelField: string) => {
  const { data } = useGetList(resource, { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  // the user reads the labels; the API takes the codes
  return (data ?? []).map((r) => ({ id: String(r.code), name: String(r[labelField] ?? r.code) }));
};

const ReportSubscriptionForm = () => {
  const units = useCodes('org-units', 'name');
  const services = useCodes('services', 'label');
  return (
    <SimpleForm>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <ListTextInput
        source="recipients"
        label="resources.report-subscriptions.fields.recipients"
        helperText="levier.reports.recipients_help"
        validate={[emails()]}
      />
      <SelectArrayInput source="orgUnits" choices={units} validate={nonEmpty()} />
      <SelectArrayInput source="services" choices={services} helperText="levier.reports.services_help" />
      <CheckboxGroupInput
        source="indicators"
        choices={REPORT_INDICATORS.map((i) => ({ id: i, name: REPORT_INDICATOR_LABELS[i] }))}
        helperText="levier.reports.indicators_help"
      />
      <SchedulePicker source="schedule" />
      <SelectInput
        source="periodCovered"
        label="levier.coverage.label"
        helperText="levier.coverage.help"
        choices={REPORT_COVERAGES.map((c) => ({ id: c, name: `levier.coverage.${c}` }))}
        validate={required()}
      />
      <SelectInput
        source="language"
        choices={[
          { id: 'fr', name: 'levier.report_fields.language.fr' },
          { id: 'en', name: 'levier.report_fields.language.en' },
        ]}
      />
      <CheckboxGroupInput source="formats" choices={REPORT_FORMATS.map((f) => ({ id: f, name: f.toUpperCase() }))} translateChoice={false} />
      <CheckboxGroupInput
        source="documents"
        label="levier.documents.attach_label"
        helperText="levier.documents.attach_help"
        choices={REPORT_DOCUMENTS.map((d) => ({ id: d, name: `levier.documents.attach.${d}` }))}
      />
      <BooleanInput source="active" />
    </SimpleForm>
  );
};

export const ReportSubscriptionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ReportSubscriptionForm />
  </Edit>
);

export const ReportSubscriptionCreate = () => (
  <Create
    redirect="show"
    record={{
      schedule: '0 8 5 * *',
      periodCovered: 'month',
      language: 'fr',
      formats: ['pdf', 'xlsx'],
      documents: [],
      active: true,
      recipients: [],
      orgUnits: [],
      services: [],
      indicators: [],
    }}
  >
    <ReportSubscriptionForm />
  </Create>
);

/* ---------- Delivery log ---------- */

const deliveryFilters = [
  <SelectInput key="status" source="status" choices={enumChoices('delivery_status', DELIVERY_STATUSES)} alwaysOn />,
  <TextInput key="recipient" source="recipient" alwaysOn />,
  <TextInput key="period" source="period" />,
];

export const ReportDeliveryList = () => (
  <LevierList filters={deliveryFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="subscriptionName" disableSort />
      <DataTable.Col source="period" />
      <DataTable.Col source="recipient" />
      <DataTable.Col source="preview" disableSort>
        <BooleanField source="preview" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="delivery_status" />
      </DataTable.Col>
      <DataTable.Col source="attempts" />
      <DataTable.Col source="sentAt">
        <DateField source="sentAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="lastError" disableSort />
    </DataTable>
  </LevierList>
);

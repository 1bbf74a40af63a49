/** « Initiatives des agents » (PIFPP, issue 18): the register of what teams started without prior permission (the API's /initiatives). */
import {
  Create,
  DataTable,
  DateField,
  Edit,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  maxLength,
  regex,
  required,
  useGetList,
  useRecordContext,
  useTranslate,
  type EditProps,
  type SelectInputProps,
  type ShowProps,
} from 'react-admin';
import { Chip } from '@mui/material';
import { DecimalField, MoneyField } from '../common/fields';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { LevierList } from '../common/LevierList';
import { isoDate } from '../methodology/MethodologyViews';
import { ShowPage } from '../common/record-pages';

/** The statuses the API stores, in their life order; shown only as words. */
export const INITIATIVE_STATUSES = ['idea', 'testing', 'adopted', 'abandoned'] as const;

const useStatusChoices = () => {
  const translate = useTranslate();
  return INITIATIVE_STATUSES.map((code) => ({ id: code, name: translate(`levier.initiatives.statuses.${code}`) }));
};

/** The status as a word (« En test »), never its code. */
export const StatusChip = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const code = typeof record?.status === 'string' ? record.status : null;
  if (!code) return null;
  return <Chip size="small" variant="outlined" label={translate(`levier.initiatives.statuses.${code}`, { _: String(record?.statusLabel ?? '—') })} />;
};

/** A select of codes of a resource shown by their label only (the API takes codes). */
const LabelledCodeInput = ({
  reference,
  labelField,
  ...props
}: Omit<SelectInputProps, 'choices'> & { source: string; reference: string; labelField: string }) => {
  const { data, isPending } = useGetList(reference, { pagination: { page: 1, perPage: 1000 }, sort: { field: labelField, order: 'ASC' } }, { retry: false });
  const choices = (data ?? []).map((r) => ({ id: String(r.code), name: String(r[labelField] ?? r.code) }));
  return <SelectInput {...props} choices={choices} isPending={isPending} />;
};

const StatusFilter = (props: Omit<SelectInputProps, 'choices'> & { source: string }) => <SelectInput {...props} choices={useStatusChoices()} />;

const filters = [
  <StatusFilter key="status" source="status" alwaysOn />,
  <LabelledCodeInput key="service" source="service" reference="services" labelField="label" alwaysOn />,
];

export const InitiativeList = () => (
  <LevierList filters={filters} sort={{ field: 'startDate', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="team" disableSort />
      <DataTable.Col source="service" disableSort render={(record) => String(record.serviceLabel ?? '')} />
      <DataTable.Col source="startDate">
        <DateField source="startDate" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <StatusChip />
      </DataTable.Col>
      <DataTable.Col source="hours" align="right" disableSort>
        <DecimalField source="hours" />
      </DataTable.Col>
      <DataTable.Col source="euros" align="right" disableSort>
        <MoneyField source="euros" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const InitiativeShow = (props: Omit<ShowProps, 'children'>) => (
  <ShowPage {...props}>
    <TextField source="title" />
    <TextField source="team" />
    <TextField source="orgUnitName" />
    <TextField source="serviceLabel" />
    <DateField source="startDate" />
    <StatusChip />
    <DecimalField source="hours" />
    <MoneyField source="euros" />
    <TextField source="itemsLent" emptyText="—" />
    <TextField source="results" emptyText="—" />
    <TextField source="metricLabel" emptyText="—" />
    <DateField source="updatedAt" showTime />
  </ShowPage>
);

const HOURS = /^\d{1,9}([.,]\d{1,2})?$/;
const EUROS = /^\d{1,12}([.,]\d{1,2})?$/;

const InitiativeForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
    <LabelledCodeInput source="orgUnit" reference="org-units" labelField="name" validate={required()} />
    <TextInput source="team" validate={[required(), maxLength(200)]} helperText="levier.initiatives.team_help" fullWidth />
    <LabelledCodeInput source="service" reference="services" labelField="label" validate={required()} />
    <TextInput source="startDate" type="date" validate={[required(), isoDate()]} />
    <SelectInput source="status" choices={useStatusChoices()} validate={required()} />
    <FrenchDecimalInput source="hours" validate={regex(HOURS, 'levier.validation.decimal')} helperText="levier.initiatives.hours_help" />
    <FrenchDecimalInput source="euros" validate={regex(EUROS, 'levier.validation.decimal')} helperText="levier.initiatives.euros_help" />
    <TextInput source="itemsLent" validate={maxLength(2000)} helperText="levier.initiatives.items_help" fullWidth multiline />
    <TextInput source="results" validate={maxLength(4000)} fullWidth multiline />
    <LabelledCodeInput source="metric" reference="metrics" labelField="label" helperText="levier.initiatives.metric_help" emptyText="—" />
  </SimpleForm>
);

/** « 12,5 » typed the French way goes to the API as "12.5" (decimals cross the API as text with a point). */
export const toInitiativeBody = (data: Record<string, unknown>): Record<string, unknown> => {
  const point = (v: unknown) => (typeof v === 'string' ? v.trim().replace(',', '.') : v);
  return { ...data, hours: point(data.hours), euros: point(data.euros) };
};

export const InitiativeEdit = (props: Omit<EditProps, 'children'>) => (
  <Edit mutationMode="pessimistic" transform={toInitiativeBody} {...props}>
    <InitiativeForm />
  </Edit>
);

export const InitiativeCreate = () => (
  <Create redirect="show" transform={toInitiativeBody} record={{ status: 'idea', hours: '0', euros: '0' }}>
    <InitiativeForm />
  </Create>
);

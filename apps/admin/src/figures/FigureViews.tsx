import { DataTable, DateField, Edit, Labeled, SelectInput, SimpleForm, TextField, TextInput, required, useLocaleState, useRecordContext } from 'react-admin';
import { EnumField } from '../common/fields';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { enumChoices, period } from '../common/validators';
import { LevierList } from '../common/LevierList';
import { FigureHistory } from './FigureHistory';
import { periodLabel } from '../data-entry/period-label';
import { formatDecimal, formatMoney } from '../format/decimal-format';
import { ShowPage } from '../common/record-pages';

/** The value in French, with € when the metric is money (its unit is €). */
const FigureValueField = () => {
  const record = useRecordContext<{ value?: string | null; metricUnit?: string | null }>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return <span>{record.metricUnit === '€' ? formatMoney(record.value ?? null, locale) : formatDecimal(record.value ?? null, locale)}</span>;
};

/** « janv. 2024 », « 2024-T4 »: the period as French readers write it. */
const PeriodField = () => {
  const record = useRecordContext<{ period?: string }>();
  return record?.period ? <span>{periodLabel(record.period)}</span> : null;
};

export const FIGURE_STATUSES = ['draft', 'submitted', 'approved'] as const;
export const FIGURE_SOURCES = ['form', 'grid', 'import', 'api'] as const;

// Keys are codes, as in the API's `filter={"orgUnit":…,"service":…,"metric":…,"period":…}`.
const filters = [
  <TextInput key="orgUnit" source="orgUnit" alwaysOn />,
  <TextInput key="service" source="service" alwaysOn />,
  <TextInput key="metric" source="metric" />,
  <TextInput key="period" source="period" validate={period()} alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('figure_status', FIGURE_STATUSES)} />,
];

export const FigureList = () => (
  <LevierList filters={filters} sort={{ field: 'period', order: 'DESC' }} perPage={50}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="orgUnitLabel" label="Unité" />
      <DataTable.Col source="serviceLabel" label="Service" />
      <DataTable.Col source="metricLabel" label="Indicateur" />
      <DataTable.Col source="period">
        <PeriodField />
      </DataTable.Col>
      <DataTable.Col source="value" align="right">
        <FigureValueField />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="figure_status" />
      </DataTable.Col>
      <DataTable.Col source="source">
        <EnumField source="source" enumName="source" />
      </DataTable.Col>
      <DataTable.Col source="updatedByName" label="Modifié par" disableSort />
      <DataTable.Col source="updatedAt" label="Modifié le">
        <DateField source="updatedAt" showTime locales="fr-FR" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const FigureShow = () => (
  <ShowPage>
    <TextField source="orgUnitLabel" label="Unité" />
    <TextField source="serviceLabel" label="Service" />
    <TextField source="metricLabel" label="Indicateur" />
    <Labeled source="period">
      <PeriodField />
    </Labeled>
    <Labeled source="value">
      <FigureValueField />
    </Labeled>
    <EnumField source="status" enumName="figure_status" />
    <EnumField source="source" enumName="source" />
    <TextField source="comment" emptyText="—" />
    <TextField source="updatedByName" label="Modifié par" emptyText="—" />
    <DateField source="updatedAt" label="Modifié le" showTime locales="fr-FR" />
    <FigureHistory />
  </ShowPage>
);

/** Only the value and its comment are edited; the key (unit, service, metric, period) is fixed. */
export const FigureEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="orgUnit" disabled />
      <TextInput source="service" disabled />
      <TextInput source="metric" disabled />
      <TextInput source="period" disabled />
      <FrenchDecimalInput source="value" validate={required()} />
      <TextInput source="comment" multiline fullWidth />
    </SimpleForm>
  </Edit>
);

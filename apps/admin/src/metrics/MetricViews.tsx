import { BooleanField, BooleanInput, DataTable, SearchInput, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { DecimalField, EnumField } from '../common/fields';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { enumChoices } from '../common/validators';
import { LevierList } from '../common/LevierList';
import { BooleanCol, DecimalCol, EnumCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

export const AGGREGATIONS = ['sum', 'average'] as const;

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const MetricList = () => (
  <LevierList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <DataTable.Col source="unit" />
      <EnumCol source="aggregation" enumName="aggregation" />
      <DecimalCol source="min" />
      <DecimalCol source="max" />
      <BooleanCol source="integer" />
    </DataTable>
  </LevierList>
);

export const MetricShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="label" />
    <TextField source="unit" />
    <EnumField source="aggregation" enumName="aggregation" />
    <DecimalField source="min" />
    <DecimalField source="max" />
    <BooleanField source="integer" />
  </ShowPage>
);

const MetricForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} helperText="spend, beneficiaries, observed.…" />
    <TextInput source="label" validate={required()} fullWidth />
    <TextInput source="unit" />
    <SelectInput source="aggregation" choices={enumChoices('aggregation', AGGREGATIONS)} defaultValue="sum" validate={required()} />
    <FrenchDecimalInput source="min" />
    <FrenchDecimalInput source="max" />
    <BooleanInput source="integer" />
  </SimpleForm>
);

export const { Edit: MetricEdit, Create: MetricCreate } = recordPages(MetricForm, { redirect: 'show' });

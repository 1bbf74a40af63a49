import { DataTable, SearchInput, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { EnumField } from '../common/fields';
import { enumChoices } from '../common/validators';
import { LevierList } from '../common/LevierList';
import { EnumCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

export const SERVICE_KINDS = ['PREVENTION', 'SUPPORT', 'CURATIVE'] as const;
export const GRANULARITIES = ['month', 'quarter', 'year'] as const;

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={enumChoices('kind', SERVICE_KINDS)} />];

export const ServiceList = () => (
  <LevierList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <DataTable.Col source="functionCode" />
      <DataTable.Col source="functionLabel" />
      <EnumCol source="kind" enumName="kind" />
      <EnumCol source="granularity" enumName="granularity" />
    </DataTable>
  </LevierList>
);

export const ServiceShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="label" />
    <TextField source="functionCode" />
    <TextField source="functionLabel" emptyText="Hors nomenclature M57" />
    <EnumField source="kind" enumName="kind" />
    <EnumField source="granularity" enumName="granularity" />
    <TextField source="note" emptyText="—" />
  </ShowPage>
);

const ServiceForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="label" validate={required()} fullWidth />
    <TextInput source="functionCode" helperText="423, 4213, 424…" />
    <SelectInput source="kind" choices={enumChoices('kind', SERVICE_KINDS)} validate={required()} />
    <SelectInput source="granularity" choices={enumChoices('granularity', GRANULARITIES)} defaultValue="month" />
    <TextInput
      source="note"
      multiline
      fullWidth
      minRows={2}
      helperText="Ce qu’un lecteur doit savoir pour lire les chiffres du service (par exemple pourquoi il reste déficitaire)"
    />
  </SimpleForm>
);

export const { Edit: ServiceEdit, Create: ServiceCreate } = recordPages(ServiceForm, { redirect: 'show' });

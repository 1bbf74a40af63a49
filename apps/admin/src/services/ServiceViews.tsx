import { Create, DataTable, Edit, SearchInput, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';
import { EnumField } from '../common/fields';
import { enumChoices } from '../common/validators';
import { LevierList } from '../common/LevierList';

export const SERVICE_KINDS = ['PREVENTION', 'SUPPORT', 'CURATIVE'] as const;
export const GRANULARITIES = ['month', 'quarter', 'year'] as const;

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={enumChoices('kind', SERVICE_KINDS)} />];

export const ServiceList = () => (
  <LevierList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <DataTable.Col source="functionCode" />
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="kind" />
      </DataTable.Col>
      <DataTable.Col source="granularity">
        <EnumField source="granularity" enumName="granularity" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const ServiceShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="label" />
      <TextField source="functionCode" />
      <EnumField source="kind" enumName="kind" />
      <EnumField source="granularity" enumName="granularity" />
    </SimpleShowLayout>
  </Show>
);

const ServiceForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="label" validate={required()} fullWidth />
    <TextInput source="functionCode" helperText="423, 4213, 424…" />
    <SelectInput source="kind" choices={enumChoices('kind', SERVICE_KINDS)} validate={required()} />
    <SelectInput source="granularity" choices={enumChoices('granularity', GRANULARITIES)} defaultValue="month" />
  </SimpleForm>
);

export const ServiceEdit = () => (
  <Edit mutationMode="pessimistic">
    <ServiceForm />
  </Edit>
);

export const ServiceCreate = () => (
  <Create redirect="show">
    <ServiceForm />
  </Create>
);

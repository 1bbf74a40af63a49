import {
  AutocompleteInput,
  Create,
  DataTable,
  Edit,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { LevierList } from '../common/LevierList';
import { ShowPage } from '../common/record-pages';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const OrgUnitList = () => (
  <LevierList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="parentId">
        <ReferenceField source="parentId" reference="org-units" link="show" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const OrgUnitShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="name" />
    <ReferenceField source="parentId" reference="org-units" link="show" emptyText="—" />
  </ShowPage>
);

const OrgUnitForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <ReferenceInput source="parentId" reference="org-units">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
  </SimpleForm>
);

export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic">
    <OrgUnitForm />
  </Edit>
);

export const OrgUnitCreate = () => (
  <Create redirect="show">
    <OrgUnitForm />
  </Create>
);

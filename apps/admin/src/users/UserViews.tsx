import PeopleIcon from '@mui/icons-material/People';
import {
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  DateField,
  Edit,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { OrgUnitCodeInput } from '../common/inputs';
import { LevierList } from '../common/LevierList';
import { enumChoices } from '../common/validators';
import { ShowPage } from '../common/record-pages';

export const USER_ROLES = ['admin', 'finance', 'director', 'viewer'] as const;

export const UserList = () => (
  <LevierList sort={{ field: 'email', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="email" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="role" disableSort>
        <EnumField source="role" enumName="role" />
      </DataTable.Col>
      <DataTable.Col source="orgUnit" disableSort />
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="locked" disableSort>
        <BooleanField source="locked" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const UserShow = () => (
  <ShowPage>
    <TextField source="email" />
    <TextField source="displayName" />
    <EnumField source="role" enumName="role" />
    <TextField source="orgUnit" emptyText="levier.users.whole_organisation" />
    <BooleanField source="active" />
    <BooleanField source="locked" />
    <DateField source="createdAt" showTime />
  </ShowPage>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="email" disabled />
      <TextInput source="displayName" validate={required()} fullWidth />
      <SelectInput source="role" choices={enumChoices('role', USER_ROLES)} validate={required()} />
      <OrgUnitCodeInput source="orgUnit" emptyText="levier.users.whole_organisation" helperText="levier.users.org_unit_help" />
      <BooleanInput source="active" />
      <PasswordInput source="password" validate={minLength(12)} helperText="levier.users.password_change_help" />
    </SimpleForm>
  </Edit>
);

export const UserCreate = () => (
  <Create redirect="list" record={{ role: 'viewer' }}>
    <SimpleForm>
      <TextInput source="email" validate={[required(), email()]} fullWidth />
      <TextInput source="displayName" validate={required()} fullWidth />
      <SelectInput source="role" choices={enumChoices('role', USER_ROLES)} validate={required()} />
      <OrgUnitCodeInput source="orgUnit" emptyText="levier.users.whole_organisation" helperText="levier.users.org_unit_help" />
      <PasswordInput source="password" validate={[required(), minLength(12)]} helperText="levier.users.password_help" />
    </SimpleForm>
  </Create>
);

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, icon: PeopleIcon, recordRepresentation: 'email' };

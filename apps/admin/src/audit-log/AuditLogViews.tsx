import { DataTable, DateField, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { EnumField, JsonField } from '../common/fields';
import { LevierList } from '../common/LevierList';

const filters = [<TextInput key="entity" source="entity" alwaysOn />, <TextInput key="actor" source="actor" />];

export const AuditLogList = () => (
  <LevierList filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at">
        <DateField source="at" showTime />
      </DataTable.Col>
      <DataTable.Col source="actor" />
      <DataTable.Col source="action">
        <EnumField source="action" enumName="audit_action" />
      </DataTable.Col>
      <DataTable.Col source="entity" />
      <DataTable.Col source="entityId" />
    </DataTable>
  </LevierList>
);

export const AuditLogShow = () => (
  <Show>
    <SimpleShowLayout>
      <DateField source="at" showTime />
      <TextField source="actor" />
      <EnumField source="action" enumName="audit_action" />
      <TextField source="entity" />
      <TextField source="entityId" />
      <JsonField source="before" />
      <JsonField source="after" />
    </SimpleShowLayout>
  </Show>
);

import { Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  Labeled,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  useGetList,
  useRecordContext,
  useTranslate,
  type SelectInputProps,
} from 'react-admin';
import { JsonField } from '../common/fields';
import { LevierList } from '../common/LevierList';
import { auditActionLabel, auditStatusLabel, auditSummary } from './audit-words';
import { ShowPage } from '../common/record-pages';

interface AuditRecord {
  id: string;
  action: string;
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const useUnitNames = () => {
  const { data } = useGetList<{ id: string; code: string; name: string }>(
    'org-units',
    { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } },
    { retry: false },
  );
  return { units: data ?? [], unitName: (code: string) => data?.find((u) => u.code === code)?.name ?? code };
};

/** Org units by name (the filter takes their code): a parent unit finds the entries of every unit under it. */
const OrgUnitFilter = (props: Omit<SelectInputProps, 'choices'> & { source: string }) => {
  const { units } = useUnitNames();
  return <SelectInput {...props} choices={units.map((u) => ({ id: u.code, name: u.name }))} />;
};

const filters = [
  <OrgUnitFilter key="orgUnit" source="orgUnit" label="levier.month_end.audit.org_unit" alwaysOn />,
  <TextInput key="period" source="period" label="levier.month_end.audit.period" helperText="levier.month_end.audit.period_help" alwaysOn />,
  <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn>
    <SelectInput optionText="displayName" label="levier.month_end.audit.actor" />
  </ReferenceInput>,
];

const ActionField = () => {
  const record = useRecordContext<AuditRecord>();
  return record ? <span>{auditActionLabel(record.action, record.entity)}</span> : null;
};

const SummaryField = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  const { unitName } = useUnitNames();
  if (!record) return null;
  const statusLabel = auditStatusLabel(translate);
  return (
    <Typography variant="body2" component="span">
      {auditSummary(record.before, record.after, { unitName, statusLabel }) || '—'}
    </Typography>
  );
};

export const AuditLogList = () => (
  <LevierList filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at">
        <DateField source="at" showTime locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="actorName" disableSort render={(record) => String(record.actorName ?? record.actorEmail ?? '—')} />
      <DataTable.Col source="action">
        <ActionField />
      </DataTable.Col>
      <DataTable.Col source="summary" disableSort label="levier.month_end.audit.summary">
        <SummaryField />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort render={(record) => String(record.reason ?? '')} />
    </DataTable>
  </LevierList>
);

export const AuditLogShow = () => (
  <ShowPage>
    <DateField source="at" showTime locales="fr-FR" />
    <TextField source="actorName" emptyText="—" />
    <Labeled source="action">
      <ActionField />
    </Labeled>
    <Labeled label="levier.month_end.audit.summary">
      <SummaryField />
    </Labeled>
    <TextField source="reason" emptyText="—" />
    <JsonField source="before" />
    <JsonField source="after" />
  </ShowPage>
);

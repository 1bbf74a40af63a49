/**
 * « Indicateurs attendus par service » (issue 13, the grid): what each service reports every period. The data-entry
 * grid offers only these metrics and completeness counts them; admins edit them (GET/PUT/DELETE /api/expected-metrics).
 */
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { Alert, Button, Chip, Typography } from '@mui/material';
import {
  CheckboxGroupInput,
  DataTable,
  Edit,
  List,
  SaveButton,
  SimpleForm,
  Toolbar,
  useCanAccess,
  useDelete,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type EditProps,
} from 'react-admin';
import { formatDateTime } from '../format/decimal-format';

interface ExpectedMetricsRecord {
  id: string;
  service: string;
  serviceLabel: string;
  slots: string[];
  metrics: string[];
  configured: boolean;
  updatedByName: string | null;
  updatedAt: string | null;
}

const useMetricLabels = () => {
  const { data } = useGetList<{ id: string; code: string; label: string }>(
    'metrics',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'label', order: 'ASC' } },
    { retry: false },
  );
  return { metrics: data ?? [], loaded: data !== undefined, label: (code: string) => data?.find((m) => m.code === code)?.label ?? code };
};

/** The slots in words: « Dépenses · Mois-personnes ou Bénéficiaires · Placements évités constatés ». */
export const ExpectedSlotsField = () => {
  const record = useRecordContext<ExpectedMetricsRecord>();
  const translate = useTranslate();
  const { label, loaded } = useMetricLabels();
  // never the metric codes while their labels load
  if (!record || !loaded) return null;
  const words = record.slots.map((slot) => {
    const [first, ...rest] = slot.split('|').map(label);
    return rest.length === 0 ? first : translate('levier.month_end.expected_metrics.either', { first, second: rest.join(', ') });
  });
  return (
    <Typography variant="body2" component="span">
      {words.join(' · ')}
    </Typography>
  );
};

const ConfiguredField = () => {
  const record = useRecordContext<ExpectedMetricsRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <span>
      <Chip
        size="small"
        color={record.configured ? 'primary' : 'default'}
        label={translate(record.configured ? 'levier.month_end.expected_metrics.configured_yes' : 'levier.month_end.expected_metrics.configured_no')}
      />
      {record.configured && record.updatedByName && record.updatedAt ? (
        <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary', mt: 0.5 }}>
          {translate('levier.month_end.expected_metrics.updated', { name: record.updatedByName, date: formatDateTime(record.updatedAt, locale) })}
        </Typography>
      ) : null}
    </span>
  );
};

export const ExpectedMetricsList = () => {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ resource: 'expected-metrics', action: 'edit' });
  return (
    <List exporter={false} pagination={false} sort={{ field: 'service', order: 'ASC' }} title="levier.month_end.expected_metrics.title">
      <Alert severity="info" sx={{ m: 1 }}>
        {translate('levier.month_end.expected_metrics.help')}
      </Alert>
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="serviceLabel" disableSort />
        <DataTable.Col source="metrics" disableSort>
          <ExpectedSlotsField />
        </DataTable.Col>
        <DataTable.Col source="configured" disableSort>
          <ConfiguredField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const ResetButton = () => {
  const record = useRecordContext<ExpectedMetricsRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [remove, { isPending }] = useDelete();
  if (!record?.configured) return null;
  return (
    <Button
      startIcon={<RestartAltIcon />}
      disabled={isPending}
      onClick={() =>
        remove(
          'expected-metrics',
          { id: record.id, previousData: record },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => {
              notify('levier.month_end.expected_metrics.reset_done', { type: 'success' });
              redirect('list', 'expected-metrics');
            },
            onError: (e) => notify(e instanceof Error ? e.message : String(e), { type: 'error' }),
          },
        )
      }
    >
      {translate('levier.month_end.expected_metrics.reset')}
    </Button>
  );
};

const MetricsInput = () => {
  const { metrics } = useMetricLabels();
  const translate = useTranslate();
  return (
    <CheckboxGroupInput
      source="metrics"
      row={false}
      choices={metrics.map((m) => ({ id: m.code, name: m.label }))}
      validate={(value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : translate('levier.month_end.expected_metrics.pick_one'))}
    />
  );
};

const Heading = () => {
  const record = useRecordContext<ExpectedMetricsRecord>();
  const translate = useTranslate();
  return record ? (
    <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
      {translate('levier.month_end.expected_metrics.edit_title', { service: record.serviceLabel })}
    </Typography>
  ) : null;
};

export const ExpectedMetricsEdit = (props: Omit<EditProps, 'children'>) => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    transform={(data: { metrics?: string[] }) => ({ metrics: data.metrics ?? [] })}
    title="levier.month_end.expected_metrics.title"
    {...props}
  >
    <SimpleForm
      toolbar={
        <Toolbar sx={{ gap: 2 }}>
          <SaveButton />
          <ResetButton />
        </Toolbar>
      }
    >
      <Heading />
      <MetricsInput />
    </SimpleForm>
  </Edit>
);

import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  Create,
  DataTable,
  Edit,
  Labeled,
  SimpleForm,
  TextField,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LevierList } from '../common/LevierList';
import { MaskedValue } from '../common/MaskedValue';
import type { LevierDataProvider } from '../dataProvider';
import { scopeEndingAt } from '../dashboard/scope';
import { useLatestDataMonth } from '../dashboard/use-indicators';
import { formatDecimal } from '../format/decimal-format';
import { FormulaPreview } from './FormulaPreview';
import { ShowPage } from '../common/record-pages';

const filters = [<TextInput key="code" source="code" alwaysOn />];

export const CustomIndicatorList = () => (
  <LevierList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <DataTable.Col source="unit" />
      <DataTable.Col source="numerator" disableSort />
      <DataTable.Col source="denominator" disableSort />
      <DataTable.Col source="factor" disableSort />
    </DataTable>
  </LevierList>
);

interface CustomValues {
  items: Array<{ code: string; value: string | null; cellsUsed: number; cellsMissing: number; series: Array<{ period: string; value: string | null }> }>;
  computedAt: string | null;
  /** Statistical secrecy (fewer than 5 beneficiaries on the scope, viewer account): every value above is null. */
  masked?: boolean;
}

/** The stored values of one indicator over the last twelve months with data (`GET /api/indicators/custom`). */
export const StoredValues = () => {
  const record = useRecordContext<{ id: string; code: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const latest = useLatestDataMonth(true);
  const scope = latest.data ? scopeEndingAt(latest.data) : null;
  const { data, error } = useQuery<CustomValues>({
    queryKey: ['indicators', 'custom', record?.code, scope?.from, scope?.to],
    queryFn: () =>
      dataProvider.apiGet!<CustomValues>(`/indicators/custom?code=${encodeURIComponent(record!.code)}&from=${scope!.from}&to=${scope!.to}&granularity=month`),
    enabled: Boolean(record?.code && scope && dataProvider.apiGet),
    retry: false,
  });
  if (error) return <Alert severity="warning">{translate('levier.custom.values_error')}</Alert>;
  const item = data?.items.find((i) => i.code === record?.code);
  if (!item) return <Typography variant="body2">{translate('levier.custom.values_none')}</Typography>;
  const masked = data?.masked === true;
  return (
    <Table size="small" sx={{ maxWidth: 480 }} data-testid="custom-values">
      <caption style={{ captionSide: 'top', textAlign: 'left' }}>
        {translate('levier.custom.values_caption', { from: scope?.from ?? '', to: scope?.to ?? '' })}{' '}
        <span data-testid="custom-values-total">{masked ? <MaskedValue /> : formatDecimal(item.value, locale)}</span>
      </caption>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate('levier.custom.period')}</TableCell>
          <TableCell scope="col" align="right">
            {translate('levier.custom.value')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {item.series.map((p) => (
          <TableRow key={p.period}>
            <TableCell>{p.period}</TableCell>
            <TableCell align="right">{masked ? <MaskedValue /> : formatDecimal(p.value, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const CustomIndicatorShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="label" />
    <TextField source="unit" />
    <TextField source="numerator" sx={{ fontFamily: 'monospace' }} />
    <TextField source="denominator" emptyText="—" sx={{ fontFamily: 'monospace' }} />
    <TextField source="factor" emptyText="—" />
    <Labeled label="levier.custom.values_title" fullWidth>
      <StoredValues />
    </Labeled>
  </ShowPage>
);

const mono = { style: { fontFamily: 'monospace' }, spellCheck: false };

/** The formula editor: numerator / denominator × factor over metrics `#{code}` or `#{code.SERVICE}`, checked live. */
const CustomIndicatorForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="label" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="unit" validate={[required(), maxLength(32)]} />
    <TextInput source="numerator" validate={[required(), maxLength(2000)]} fullWidth multiline inputProps={mono} helperText="levier.custom.formula_help" />
    <TextInput source="denominator" validate={maxLength(2000)} fullWidth multiline inputProps={mono} />
    <TextInput source="factor" validate={maxLength(200)} helperText="levier.custom.factor_help" />
    <FormulaPreview />
  </SimpleForm>
);

export const CustomIndicatorEdit = () => (
  <Edit mutationMode="pessimistic">
    <CustomIndicatorForm />
  </Edit>
);

export const CustomIndicatorCreate = () => (
  <Create redirect="show">
    <CustomIndicatorForm />
  </Create>
);

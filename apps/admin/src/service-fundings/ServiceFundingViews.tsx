/** « Plans de financement »: who pays each service's spend, per year (the API's /service-fundings). */
import {
  DataTable,
  DateField,
  Labeled,
  NumberField,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type SelectInputProps,
} from 'react-admin';
import { Typography } from '@mui/material';
import { LevierList } from '../common/LevierList';
import { formatShare } from '../format/decimal-format';
import { FundingSharesInput } from './FundingSharesInput';
import { rankedShares } from './funding-shares';
import { YearCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

/** The services of the organisation by label (the API takes their code): never a raw code on screen. */
const ServiceLabelInput = (props: Omit<SelectInputProps, 'choices'> & { source: string }) => {
  const { data, isPending } = useGetList('services', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'label', order: 'ASC' } }, { retry: false });
  const choices = (data ?? []).map((s) => ({ id: String(s.code), name: String(s.label ?? s.code) }));
  return <SelectInput {...props} choices={choices} isPending={isPending} />;
};

/** « Département 60 % · Usager 40 % »: the payers in words, largest share first. */
export const SharesSummary = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ranked = rankedShares(record?.shares);
  if (ranked.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="span">
      {ranked.map(([payer, share]) => `${translate(`levier.service_fundings.payers_short.${payer}`, { _: payer })} ${formatShare(share, locale)}`).join(' · ')}
    </Typography>
  );
};

const filters = [<ServiceLabelInput key="service" source="service" alwaysOn />, <NumberInput key="year" source="year" alwaysOn step={1} />];

export const ServiceFundingList = () => (
  <LevierList filters={filters} sort={{ field: 'year', order: 'DESC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="service" render={(record) => String(record.serviceLabel ?? '')} />
      <YearCol source="year" />
      <DataTable.Col source="shares" disableSort>
        <SharesSummary />
      </DataTable.Col>
      <DataTable.Col source="note" disableSort />
    </DataTable>
  </LevierList>
);

export const ServiceFundingShow = () => (
  <ShowPage>
    <TextField source="serviceLabel" />
    <NumberField source="year" options={{ useGrouping: false }} />
    <Labeled source="shares">
      <SharesSummary />
    </Labeled>
    <TextField source="note" emptyText="—" />
    <DateField source="updatedAt" showTime />
  </ShowPage>
);

const ServiceFundingForm = () => (
  <SimpleForm>
    <ServiceLabelInput source="service" validate={required()} />
    <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} step={1} />
    <FundingSharesInput source="shares" />
    <TextInput source="note" validate={maxLength(2000)} fullWidth multiline helperText="levier.service_fundings.note_help" />
  </SimpleForm>
);

export const { Edit: ServiceFundingEdit, Create: ServiceFundingCreate } = recordPages(ServiceFundingForm, { redirect: 'list', record: { shares: {} } });

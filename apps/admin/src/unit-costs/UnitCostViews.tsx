import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, MoneyField, ShareField } from '../common/fields';
import { PayersInput } from '../common/inputs';
import { LevierList } from '../common/LevierList';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { share } from '../common/validators';
import { formatShare } from '../format/decimal-format';
import { rangeHigh, rangeLow } from './unit-cost-range';
import { EnumCol, MoneyCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

/** Evidence grade 1 (randomised trial) … 6 (expert opinion), as the engine's optimism-bias table. */
export const GRADES = [1, 2, 3, 4, 5, 6] as const;
/** A published estimate (with an evidence grade) or a regulated tariff fixed by law (a fact: no evidence grade). */
const NATURES = ['estimate', 'regulated_tariff'] as const;
const gradeChoices = GRADES.map((g) => ({ id: g, name: `levier.enums.grade.${g}` }));

// The API filters unit costs by id and code.
const filters = [<TextInput key="code" source="code" alwaysOn />];

export const UnitCostList = () => (
  <LevierList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <MoneyCol source="amount" />
      <MoneyCol source="amountLow" />
      <MoneyCol source="amountHigh" />
      <DataTable.Col source="unit" />
      <DataTable.Col source="priceYear" />
      <EnumCol source="nature" enumName="unit_cost_nature" />
      <EnumCol source="grade" enumName="grade" />
      <DataTable.Col source="sourceTitle">
        <SourceTitle />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

/** Payer shares, e.g. `{ "ASSURANCE_MALADIE": "0.8", "DEPARTEMENT": "0.2" }`. */
const PayersTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const payers = record?.payers && typeof record.payers === 'object' ? Object.entries(record.payers as Record<string, string | null>) : [];
  if (payers.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small" sx={{ maxWidth: 480 }} aria-label={translate('levier.unit_costs.payers')}>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate('levier.payers.payer')}</TableCell>
          <TableCell scope="col" align="right">
            %
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payers.map(([payer, value]) => (
          <TableRow key={payer}>
            <TableCell>{translate(`levier.payers.${payer}`, { _: payer })}</TableCell>
            <TableCell align="right">{formatShare(value, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The source title, a link to the page where the figure was read when there is one (clicks stay off the row). */
const SourceTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const title = String(record.sourceTitle ?? '');
  if (!record.sourceUrl) return <Typography variant="body2">{title}</Typography>;
  return (
    <Link
      href={String(record.sourceUrl)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => event.stopPropagation()}
      aria-label={`${title} — ${translate('levier.unit_costs.open_source')}`}
    >
      {title}
    </Link>
  );
};

/** The published source, so every unit cost can be traced (docs/product-rules.md#reference-data). */
const SourceLink = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.sourceUrl) return <Typography variant="body2">—</Typography>;
  return (
    <Link
      href={String(record.sourceUrl)}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`${record.sourceTitle ?? record.sourceUrl} — ${translate('levier.unit_costs.open_source')}`}
    >
      {String(record.sourceUrl)}
    </Link>
  );
};

export const UnitCostShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="label" />
    <MoneyField source="amount" />
    <MoneyField source="amountLow" />
    <MoneyField source="amountHigh" />
    <TextField source="unit" />
    <TextField source="priceYear" />
    <ShareField source="cashableShare" />
    <EnumField source="nature" enumName="unit_cost_nature" />
    <EnumField source="grade" enumName="grade" emptyText="—" />
    <Labeled label="levier.unit_costs.payers" fullWidth>
      <PayersTable />
    </Labeled>
    <TextField source="sourceTitle" />
    <TextField source="sourcePublisher" emptyText="—" />
    <Labeled source="sourceUrl">
      <SourceLink />
    </Labeled>
    <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
    <TextField source="validFrom" emptyText="—" />
    <TextField source="validTo" emptyText="—" />
  </ShowPage>
);

/** An emptied optional field goes back to the API as null (clears the range or the note). */
const emptyToNull = (value: string): string | null => (value === '' ? null : value);

const UnitCostForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="label" validate={required()} fullWidth />
    <FrenchDecimalInput source="amount" validate={required()} helperText="€" />
    <FrenchDecimalInput source="amountLow" validate={rangeLow()} helperText="€" />
    <FrenchDecimalInput source="amountHigh" validate={rangeHigh()} helperText="€" />
    <TextInput source="unit" validate={required()} />
    <NumberInput source="priceYear" validate={required()} step={1} />
    <FrenchDecimalInput source="cashableShare" validate={share()} helperText="0 – 1" />
    <SelectInput
      source="nature"
      choices={NATURES.map((n) => ({ id: n, name: `levier.enums.unit_cost_nature.${n}` }))}
      helperText="levier.unit_cost_nature.help"
    />
    <SelectInput source="grade" choices={gradeChoices} emptyText="—" helperText="levier.unit_cost_nature.grade_help" />
    <PayersInput source="payers" />
    <TextInput source="sourceTitle" validate={required()} fullWidth />
    <TextInput source="sourcePublisher" validate={required()} fullWidth />
    <TextInput source="sourceUrl" type="url" fullWidth />
    <TextInput source="note" multiline fullWidth parse={emptyToNull} />
    <TextInput source="validFrom" helperText="AAAA-MM-JJ" />
    <TextInput source="validTo" helperText="AAAA-MM-JJ" />
  </SimpleForm>
);

export const { Edit: UnitCostEdit, Create: UnitCostCreate } = recordPages(UnitCostForm, {
  redirect: 'show',
  record: { payers: { ASSURANCE_MALADIE: '1' }, cashableShare: '1', nature: 'estimate' }, // nature: the column's default; an empty select would send null (a 500)
});

/** Methodology reference data: outcome assumptions, price indices and published methodology versions. */
import { Alert, Typography } from '@mui/material';
import {
  Create,
  DataTable,
  DateField,
  FunctionField,
  NumberField,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  maxLength,
  minLength,
  required,
  useTranslate,
} from 'react-admin';
import { DecimalField, EnumField } from '../common/fields';
import { CatalogueLabelField } from '../common/catalogue-label-field';
import { ParametersTable, SnapshotTables } from '../common/ParametersTable';
import { JsonInput, ServiceCodeInput } from '../common/inputs';
import { LevierList } from '../common/LevierList';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { DecimalCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isoDate = () => (value: unknown) =>
  value === undefined || value === null || value === '' || DATE.test(String(value)) ? undefined : 'levier.validation.date';

/* ---------- Outcome assumptions ---------- */

const assumptionFilters = [<ServiceCodeInput key="service" source="service" alwaysOn />, <TextInput key="code" source="code" />];

export const OutcomeAssumptionList = () => (
  <LevierList filters={assumptionFilters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <DataTable.Col source="service">
        <CatalogueLabelField source="service" reference="services" />
      </DataTable.Col>
      <DataTable.Col source="params.mode" label="resources.outcome-assumptions.fields.mode" disableSort>
        <EnumField source="params.mode" enumName="outcome_mode" />
      </DataTable.Col>
      <DataTable.Col source="justification" disableSort>
        <FunctionField
          source="justification"
          render={(r: { justification?: string }) => (r.justification && r.justification.length > 90 ? `${r.justification.slice(0, 90)}…` : r.justification)}
        />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const OutcomeAssumptionShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="label" />
    <CatalogueLabelField source="service" reference="services" />
    <ParametersTable source="params" label="resources.outcome-assumptions.fields.params" />
    <TextField source="justification" />
    <TextField source="evidence" emptyText="—" />
  </ShowPage>
);

const AssumptionHelp = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {translate('levier.assumptions.help')}
    </Alert>
  );
};

/** Parameters as JSON: the engine validates them server-side, its 422 messages show under the field. */
const OutcomeAssumptionForm = () => (
  <SimpleForm>
    <ServiceCodeInput source="service" validate={required()} />
    <TextInput source="code" validate={required()} />
    <TextInput source="label" validate={[required(), maxLength(200)]} fullWidth />
    <AssumptionHelp />
    <JsonInput source="params" label="resources.outcome-assumptions.fields.params" validate={[required()]} helperText="levier.assumptions.params_help" />
    <TextInput source="justification" validate={[required(), minLength(3)]} multiline fullWidth minRows={3} />
    <TextInput source="evidence" multiline fullWidth />
  </SimpleForm>
);

export const { Edit: OutcomeAssumptionEdit, Create: OutcomeAssumptionCreate } = recordPages(OutcomeAssumptionForm, {
  redirect: 'show',
  record: {
    params: { mode: 'counterfactual', rateWithout: '0.30', rateWith: '0.12', engagement: '0.9', unitCost: 'JOURNEE_EHPAD', quantityPerEvent: '1', grade: 3 },
  },
});

/* ---------- Price indices ---------- */

const priceFilters = [<NumberInput key="year" source="year" alwaysOn />, <TextInput key="series" source="series" />];

export const PriceIndexList = () => (
  <LevierList filters={priceFilters} sort={{ field: 'year', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="series" />
      <DataTable.Col source="year" />
      <DecimalCol source="value" />
      <DataTable.Col source="base" />
      <DataTable.Col source="source" disableSort />
    </DataTable>
  </LevierList>
);

export const PriceIndexShow = () => (
  <ShowPage>
    <TextField source="series" />
    <NumberField source="year" options={{ useGrouping: false }} />
    <DecimalField source="value" />
    <TextField source="base" />
    <TextField source="source" emptyText="—" />
  </ShowPage>
);

const PriceIndexForm = () => (
  <SimpleForm>
    <TextInput source="series" helperText="INSEE_IPC_HORS_TABAC" />
    <NumberInput source="year" validate={required()} step={1} />
    <FrenchDecimalInput source="value" validate={required()} />
    <TextInput source="base" validate={required()} helperText="2015=100" />
    <TextInput source="source" fullWidth />
  </SimpleForm>
);

export const { Edit: PriceIndexEdit, Create: PriceIndexCreate } = recordPages(PriceIndexForm, {
  redirect: 'list',
  record: { series: 'INSEE_IPC_HORS_TABAC', base: '2015=100' },
});

/* ---------- Methodology versions (publish only) ---------- */

export const MethodologyVersionList = () => (
  <LevierList sort={{ field: 'version', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="version" />
      <DataTable.Col source="label" />
      <DataTable.Col source="effectiveFrom" />
      <DataTable.Col source="parameters.discountRate" label="resources.methodology-versions.fields.discountRate" disableSort />
      <DataTable.Col source="publishedAt">
        <DateField source="publishedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const MethodologyVersionShow = () => (
  <ShowPage>
    <NumberField source="version" />
    <TextField source="label" />
    <TextField source="effectiveFrom" />
    <ParametersTable source="parameters" label="resources.methodology-versions.fields.parameters" />
    <SnapshotTables source="snapshot" label="resources.methodology-versions.fields.snapshot" />
    <DateField source="publishedAt" showTime />
  </ShowPage>
);

const PublishWarning = () => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
      <Typography variant="body2">{translate('levier.methodology.publish_warning')}</Typography>
    </Alert>
  );
};

/** Publishing a version: the engine checks its parameters, the API snapshots the reference data and recomputes everything. */
export const MethodologyVersionCreate = () => (
  <Create redirect="show" record={{ parameters: { baseYear: new Date().getFullYear(), discountRate: '0.032', discountConvention: 0 } }}>
    <SimpleForm>
      <PublishWarning />
      <TextInput source="label" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="effectiveFrom" validate={[required(), isoDate()]} helperText="AAAA-MM-JJ" />
      <NumberInput source="parameters.baseYear" label="resources.methodology-versions.fields.baseYear" validate={required()} step={1} />
      <FrenchDecimalInput
        source="parameters.discountRate"
        label="resources.methodology-versions.fields.discountRate"
        validate={required()}
        helperText="levier.methodology.discount_help"
      />
      <SelectInput
        source="parameters.discountConvention"
        label="resources.methodology-versions.fields.discountConvention"
        choices={[
          { id: 0, name: 'levier.methodology.convention_0' },
          { id: 1, name: 'levier.methodology.convention_1' },
        ]}
        validate={required()}
      />
    </SimpleForm>
  </Create>
);

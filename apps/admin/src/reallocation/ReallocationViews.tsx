/** Reallocation records: staff needs, redeployments (pseudonymous agents), budget transfers and in-kind loans. */
import {
  BooleanField,
  BooleanInput,
  DataTable,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  regex,
  required,
} from 'react-admin';
import { DecimalField, EnumField, MoneyField } from '../common/fields';
import { CatalogueLabelField } from '../common/catalogue-label-field';
import { CodeSelectInput, OrgUnitCodeInput, ServiceCodeInput } from '../common/inputs';
import { LevierList } from '../common/LevierList';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { enumChoices } from '../common/validators';
import { isoDate } from '../methodology/MethodologyViews';
import { BooleanCol, DecimalCol, EnumCol, MoneyCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

const dateHelp = 'AAAA-MM-JJ';

/* ---------- Staff needs ---------- */

export const StaffNeedList = () => (
  <LevierList
    filters={[<TextInput key="code" source="code" alwaysOn />, <BooleanInput key="critical" source="critical" />]}
    sort={{ field: 'requestDate', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="label" />
      <BooleanCol source="critical" />
      <DecimalCol source="fteDaysRequested" />
      <DataTable.Col source="service" disableSort>
        <CatalogueLabelField source="service" reference="services" />
      </DataTable.Col>
      <DataTable.Col source="requestDate" />
    </DataTable>
  </LevierList>
);

const StaffNeedFields = () => (
  <SimpleShowLayout>
    <TextField source="code" />
    <TextField source="label" />
    <BooleanField source="critical" />
    <DecimalField source="fteDaysRequested" />
    <CatalogueLabelField source="service" reference="services" emptyText="—" />
    <CatalogueLabelField source="orgUnit" reference="org-units" emptyText="—" />
    <TextField source="requestDate" />
  </SimpleShowLayout>
);
export const StaffNeedShow = () => (
  <Show>
    <StaffNeedFields />
  </Show>
);

const StaffNeedForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="label" validate={[required(), maxLength(200)]} fullWidth />
    <BooleanInput source="critical" />
    <FrenchDecimalInput source="fteDaysRequested" validate={required()} />
    <ServiceCodeInput source="service" emptyText="—" />
    <OrgUnitCodeInput source="orgUnit" emptyText="—" />
    <TextInput source="requestDate" validate={[required(), isoDate()]} helperText={dateHelp} />
  </SimpleForm>
);
export const { Edit: StaffNeedEdit, Create: StaffNeedCreate } = recordPages(StaffNeedForm, { redirect: 'list', record: { critical: false } });

/* ---------- Redeployments ---------- */

/** A pseudonym (AG-0012), never a name nor an e-mail address (docs/product-rules.md#domain-model): the API's own rule. */
export const AGENT_REF = /^(?=[A-Z0-9_-]*\d)[A-Z0-9][A-Z0-9_-]{1,31}$/;

export const RedeploymentList = () => (
  <LevierList
    filters={[<TextInput key="agentRef" source="agentRef" alwaysOn />, <CodeSelectInput key="need" source="need" reference="staff-needs" />]}
    sort={{ field: 'startDate', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="agentRef" />
      <DataTable.Col source="need" disableSort />
      <DataTable.Col source="fromService" disableSort>
        <CatalogueLabelField source="fromService" reference="services" />
      </DataTable.Col>
      <DataTable.Col source="toService" disableSort>
        <CatalogueLabelField source="toService" reference="services" />
      </DataTable.Col>
      <DataTable.Col source="toPartner" disableSort />
      <DecimalCol source="workingDays" />
      <DataTable.Col source="startDate" />
      <DataTable.Col source="volunteer" disableSort>
        <BooleanField source="volunteer" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const RedeploymentShow = () => (
  <ShowPage>
    <TextField source="agentRef" />
    <TextField source="need" emptyText="—" />
    <CatalogueLabelField source="fromService" reference="services" emptyText="—" />
    <CatalogueLabelField source="toService" reference="services" emptyText="—" />
    <TextField source="toPartner" emptyText="—" />
    <DecimalField source="workingDays" />
    <DecimalField source="quotite" />
    <TextField source="requestDate" />
    <TextField source="startDate" />
    <BooleanField source="volunteer" />
    <MoneyField source="dailyCost" />
  </ShowPage>
);

const RedeploymentForm = () => (
  <SimpleForm>
    <TextInput source="agentRef" validate={[required(), regex(AGENT_REF, 'levier.validation.agent_ref')]} helperText="levier.reallocation_records.agent_help" />
    <CodeSelectInput source="need" reference="staff-needs" emptyText="—" />
    <ServiceCodeInput source="fromService" emptyText="—" />
    <ServiceCodeInput source="toService" emptyText="—" />
    <TextInput source="toPartner" fullWidth helperText="levier.reallocation_records.partner_help" />
    <FrenchDecimalInput source="workingDays" validate={required()} />
    <FrenchDecimalInput source="quotite" helperText="0 – 1" />
    <TextInput source="requestDate" validate={[required(), isoDate()]} helperText={dateHelp} />
    <TextInput source="startDate" validate={[required(), isoDate()]} helperText={dateHelp} />
    <BooleanInput source="volunteer" />
    <FrenchDecimalInput source="dailyCost" validate={required()} helperText="€" />
  </SimpleForm>
);
export const { Edit: RedeploymentEdit, Create: RedeploymentCreate } = recordPages(RedeploymentForm, {
  redirect: 'list',
  record: { volunteer: true, quotite: '1' },
});

/* ---------- Budget transfers ---------- */

export const INSTRUMENTS = ['FONGIBILITE', 'DECISION_MODIFICATIVE', 'VIREMENT_INTERNE'] as const;
const SECTIONS = ['FONCTIONNEMENT', 'INVESTISSEMENT'] as const;

export const BudgetTransferList = () => (
  <LevierList
    filters={[
      <TextInput key="code" source="code" alwaysOn />,
      <SelectInput key="instrument" source="instrument" choices={enumChoices('instrument', INSTRUMENTS)} alwaysOn />,
    ]}
    sort={{ field: 'decisionDate', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <EnumCol source="instrument" enumName="instrument" />
      <DataTable.Col source="fromChapter" disableSort />
      <DataTable.Col source="fromFunction" disableSort />
      <DataTable.Col source="toChapter" disableSort />
      <DataTable.Col source="toFunction" disableSort />
      <MoneyCol source="amount" />
      <DataTable.Col source="decisionDate" />
    </DataTable>
  </LevierList>
);

export const BudgetTransferShow = () => (
  <ShowPage>
    <TextField source="code" />
    <EnumField source="instrument" enumName="instrument" />
    <EnumField source="section" enumName="section" />
    <TextField source="fromChapter" />
    <TextField source="fromFunction" emptyText="—" />
    <TextField source="toChapter" />
    <TextField source="toFunction" emptyText="—" />
    <MoneyField source="amount" />
    <TextField source="decisionDate" />
  </ShowPage>
);

const CHAPTER = /^\d{2,3}$/;
const FUNCTION = /^\d{1,6}$/;

const BudgetTransferForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <SelectInput source="instrument" choices={enumChoices('instrument', INSTRUMENTS)} validate={required()} />
    <SelectInput source="section" choices={enumChoices('section', SECTIONS)} />
    <TextInput source="fromChapter" validate={[required(), regex(CHAPTER, 'levier.validation.chapter')]} />
    <TextInput source="fromFunction" validate={regex(FUNCTION, 'levier.validation.function')} />
    <TextInput source="toChapter" validate={[required(), regex(CHAPTER, 'levier.validation.chapter')]} />
    <TextInput source="toFunction" validate={regex(FUNCTION, 'levier.validation.function')} />
    <FrenchDecimalInput source="amount" validate={required()} helperText="€" />
    <TextInput source="decisionDate" validate={[required(), isoDate()]} helperText={dateHelp} />
  </SimpleForm>
);
export const { Edit: BudgetTransferEdit, Create: BudgetTransferCreate } = recordPages(BudgetTransferForm, {
  redirect: 'list',
  record: { section: 'FONCTIONNEMENT', instrument: 'FONGIBILITE' },
});

/* ---------- In-kind loans ---------- */

export const InKindLoanList = () => (
  <LevierList filters={[<TextInput key="code" source="code" alwaysOn />]} sort={{ field: 'startDate', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="item" />
      <DataTable.Col source="toPartner" />
      <DecimalCol source="days" />
      <DecimalCol source="quantity" />
      <MoneyCol source="dailyValue" />
      <DataTable.Col source="startDate" />
    </DataTable>
  </LevierList>
);

export const InKindLoanShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="item" />
    <TextField source="toPartner" />
    <DecimalField source="days" />
    <DecimalField source="quantity" />
    <MoneyField source="dailyValue" />
    <TextField source="startDate" />
  </ShowPage>
);

const InKindLoanForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="item" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="toPartner" validate={[required(), maxLength(200)]} fullWidth />
    <FrenchDecimalInput source="days" validate={required()} />
    <FrenchDecimalInput source="quantity" validate={required()} />
    <FrenchDecimalInput source="dailyValue" validate={required()} helperText="€" />
    <TextInput source="startDate" validate={[required(), isoDate()]} helperText={dateHelp} />
  </SimpleForm>
);
export const { Edit: InKindLoanEdit, Create: InKindLoanCreate } = recordPages(InKindLoanForm, { redirect: 'list', record: { quantity: '1' } });

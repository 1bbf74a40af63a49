/** Voted budgets: the real operating expenditure of each year, base of the fongibilité rate (instead of the services' spend). */
import { DataTable, NumberField, NumberInput, SelectInput, SimpleForm, TextField, TextInput, maxLength, maxValue, minValue, required } from 'react-admin';
import { EnumField, MoneyField } from '../common/fields';
import { LevierList } from '../common/LevierList';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { enumChoices, positiveDecimal } from '../common/validators';
import { EnumCol, MoneyCol, YearCol } from '../common/columns';
import { recordPages, ShowPage } from '../common/record-pages';

/** The API takes the operating section only, for now. */
export const BUDGET_SECTIONS = ['FONCTIONNEMENT'] as const;
const sectionChoices = enumChoices('section', BUDGET_SECTIONS);

export const BudgetYearList = () => (
  <LevierList sort={{ field: 'year', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <YearCol source="year" />
      <EnumCol source="section" enumName="section" />
      <MoneyCol source="realExpenditure" />
      <DataTable.Col source="source" disableSort />
      <DataTable.Col source="comment" disableSort />
    </DataTable>
  </LevierList>
);

export const BudgetYearShow = () => (
  <ShowPage>
    <NumberField source="year" options={{ useGrouping: false }} />
    <EnumField source="section" enumName="section" />
    <MoneyField source="realExpenditure" />
    <TextField source="source" emptyText="—" />
    <TextField source="comment" emptyText="—" />
  </ShowPage>
);

const BudgetYearForm = () => (
  <SimpleForm>
    <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} step={1} />
    <SelectInput source="section" choices={sectionChoices} validate={required()} />
    <FrenchDecimalInput source="realExpenditure" validate={[required(), positiveDecimal()]} helperText="levier.reallocation_records.real_expenditure_help" />
    <TextInput source="source" validate={maxLength(200)} fullWidth helperText="levier.reallocation_records.budget_source_help" />
    <TextInput source="comment" validate={maxLength(1000)} fullWidth multiline />
  </SimpleForm>
);

export const { Edit: BudgetYearEdit, Create: BudgetYearCreate } = recordPages(BudgetYearForm, { redirect: 'list', record: { section: 'FONCTIONNEMENT' } });

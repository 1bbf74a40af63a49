import FlagIcon from '@mui/icons-material/Flag';
import { Create, DataTable, Edit, NumberInput, SelectInput, SimpleForm, TextField, TextInput, Labeled, required, useGetList, useTranslate } from 'react-admin';
import { DecimalField } from '../common/fields';
import { OrgUnitCodeInput } from '../common/inputs';
import { LevierList } from '../common/LevierList';
import { FrenchDecimalInput } from '../common/FrenchDecimalInput';
import { IndicatorLabelField, UnitNameField } from './target-words';
import { ShowPage } from '../common/record-pages';

/** System indicators a target can follow (the API also takes a custom indicator's code). */
export const SYSTEM_INDICATORS = ['grossSavings', 'cost', 'netSavings', 'offsetRatio', 'costPerEventAvoided', 'paybackYears', 'cashable'] as const;

const IndicatorInput = (props: { source: string; validate?: ReturnType<typeof required> }) => {
  const translate = useTranslate();
  const { data } = useGetList('custom-indicators', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const choices = [
    ...SYSTEM_INDICATORS.map((code) => ({ id: code, name: translate(`levier.headline.${code}`, { _: translate(`levier.details.${code}`, { _: code }) }) })),
    ...(data ?? []).map((c) => ({ id: String(c.code), name: String(c.label) })),
  ];
  return <SelectInput {...props} choices={choices} translateChoice={false} />;
};

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <OrgUnitCodeInput key="orgUnit" source="orgUnit" alwaysOn />,
  <TextInput key="indicator" source="indicator" />,
];

export const TargetList = () => (
  <LevierList filters={filters} sort={{ field: 'year', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="indicator">
        <IndicatorLabelField />
      </DataTable.Col>
      <DataTable.Col source="orgUnit" disableSort>
        <UnitNameField />
      </DataTable.Col>
      <DataTable.Col source="year" />
      <DataTable.Col source="target" align="right" disableSort>
        <DecimalField source="target" />
      </DataTable.Col>
      <DataTable.Col source="alertBelow" align="right" disableSort>
        <DecimalField source="alertBelow" />
      </DataTable.Col>
      <DataTable.Col source="alertAbove" align="right" disableSort>
        <DecimalField source="alertAbove" />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export const TargetShow = () => (
  <ShowPage>
    <Labeled source="indicator">
      <IndicatorLabelField />
    </Labeled>
    <Labeled source="orgUnit">
      <UnitNameField />
    </Labeled>
    <TextField source="year" />
    <DecimalField source="target" />
    <DecimalField source="alertBelow" />
    <DecimalField source="alertAbove" />
  </ShowPage>
);

const TargetForm = () => (
  <SimpleForm>
    <IndicatorInput source="indicator" validate={required()} />
    <OrgUnitCodeInput source="orgUnit" validate={required()} />
    <NumberInput source="year" validate={required()} step={1} />
    <FrenchDecimalInput source="target" />
    <FrenchDecimalInput source="alertBelow" helperText="levier.targets.below_help" />
    <FrenchDecimalInput source="alertAbove" helperText="levier.targets.above_help" />
  </SimpleForm>
);

export const TargetEdit = () => (
  <Edit mutationMode="pessimistic">
    <TargetForm />
  </Edit>
);
export const TargetCreate = () => (
  <Create redirect="list" record={{ year: new Date().getFullYear() }}>
    <TargetForm />
  </Create>
);

export default { list: TargetList, show: TargetShow, edit: TargetEdit, create: TargetCreate, icon: FlagIcon, recordRepresentation: <IndicatorLabelField /> };

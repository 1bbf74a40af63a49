/**
 * DataTable columns the resource lists share: a column whose cell is one of the Levier fields of the same source
 * (money and decimals right-aligned, enums as translated chips, booleans, years without a thousands separator).
 * A column renders as DataTable.Col does (header, cell, columns selector): its label comes from the resource's fields.
 */
import { BooleanField, DataTable, NumberField } from 'react-admin';
import { DecimalField, EnumField, MoneyField } from './fields';

interface ColProps {
  source: string;
  disableSort?: boolean;
}

/** An amount in euros, French separators, right-aligned. */
export const MoneyCol = ({ source, ...props }: ColProps) => (
  <DataTable.Col source={source} align="right" {...props}>
    <MoneyField source={source} />
  </DataTable.Col>
);

/** A decimal as stored (days, quantities, bounds), French separators, right-aligned. */
export const DecimalCol = ({ source, ...props }: ColProps) => (
  <DataTable.Col source={source} align="right" {...props}>
    <DecimalField source={source} />
  </DataTable.Col>
);

/** An enum code as its translated chip (`levier.enums.<enumName>.<code>`). */
export const EnumCol = ({ source, enumName, ...props }: ColProps & { enumName: string }) => (
  <DataTable.Col source={source} {...props}>
    <EnumField source={source} enumName={enumName} />
  </DataTable.Col>
);

/** A yes/no column. */
export const BooleanCol = ({ source, ...props }: ColProps) => (
  <DataTable.Col source={source} {...props}>
    <BooleanField source={source} />
  </DataTable.Col>
);

/** A year (2024, not « 2 024 »). */
export const YearCol = ({ source, ...props }: ColProps) => (
  <DataTable.Col source={source} {...props}>
    <NumberField source={source} options={{ useGrouping: false }} />
  </DataTable.Col>
);

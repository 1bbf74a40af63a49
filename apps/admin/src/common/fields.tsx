/** Fields that display the API's decimal strings and enum codes the Levier way. */
import { Chip, Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useTranslate, type FieldProps } from 'react-admin';
import { formatDecimal, formatMoney, formatShare } from '../format/decimal-format';

type SourceFieldProps = FieldProps & { source: string };

const Text = ({ children }: { children: string }) => (
  <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
    {children}
  </Typography>
);

const useStringValue = (props: SourceFieldProps): string | null => {
  const value: unknown = useFieldValue(props);
  if (value === null || value === undefined) return null;
  return String(value);
};

/** "1234567.89" → "1 234 567,89 €". */
export const MoneyField = (props: SourceFieldProps) => {
  const [locale] = useLocaleState();
  return <Text>{formatMoney(useStringValue(props), locale)}</Text>;
};

/** A decimal figure as stored, French separators, no float round-trip. */
export const DecimalField = (props: SourceFieldProps) => {
  const [locale] = useLocaleState();
  return <Text>{formatDecimal(useStringValue(props), locale)}</Text>;
};

/** A share in [0, 1] as a percentage. */
export const ShareField = (props: SourceFieldProps) => {
  const [locale] = useLocaleState();
  return <Text>{formatShare(useStringValue(props), locale)}</Text>;
};

/** An enum code translated through `levier.enums.<enumName>.<code>`, shown as a chip. */
export const EnumField = ({ enumName, ...props }: SourceFieldProps & { enumName: string }) => {
  const translate = useTranslate();
  const value = useStringValue(props);
  if (value === null) return null;
  return <Chip size="small" variant="outlined" label={translate(`levier.enums.${enumName}.${value}`, { _: value })} />;
};

/** JSON snapshot (audit before/after), readable and selectable. */
export const JsonField = (props: SourceFieldProps) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue(props);
  if (value === null || value === undefined) return <Text>{translate('levier.audit.empty')}</Text>;
  return (
    <Typography component="pre" variant="body2" sx={{ m: 0, p: 1, bgcolor: 'grey.100', borderRadius: 1, overflowX: 'auto', fontFamily: 'monospace' }}>
      {JSON.stringify(value, null, 2)}
    </Typography>
  );
};

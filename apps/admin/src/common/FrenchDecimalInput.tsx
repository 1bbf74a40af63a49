/** The one decimal input of the admin: typed in French (« 22,50 », « 1 234,56 »), sent to the API with a dot (« 1234.56 »). */
import { useMemo } from 'react';
import { TextInput, useTranslate, useTranslateLabel, type TextInputProps, type Validator } from 'react-admin';
import { formatFrenchDecimal, isApiDecimal, parseFrenchDecimal } from '../format/french-decimal';

const blank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Refuses what is not a decimal, naming the field: « Montant : nombre attendu, par exemple 22,50 ou 1 234,56 ». */
export const frenchDecimal =
  (field: string): Validator =>
  (value: unknown) =>
    blank(value) || isApiDecimal(value) ? undefined : { message: 'levier.validation.french_decimal', args: { field } };

/**
 * A TextInput for a decimal of the API (an amount, a number of days, a share): shows « 22,50 » for « 22.50 »,
 * accepts « 22,50 », « 22.50 », « 1 234,56 » (space, no-break or narrow no-break space between thousands) and
 * « -3,5 », and gives the form « 1234.56 ». Other validators (`required()`, `share()`…) see that dot decimal.
 */
export const FrenchDecimalInput = ({ validate, inputProps, ...props }: TextInputProps) => {
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  const label = translateLabel({ source: props.source, label: props.label, resource: props.resource });
  const field = typeof label === 'string' && label !== '' ? label : translate('levier.validation.this_field');
  const validators = useMemo(
    () => [frenchDecimal(field), ...(validate === undefined ? [] : Array.isArray(validate) ? validate : [validate])],
    [field, validate],
  );
  return (
    <TextInput {...props} validate={validators} parse={parseFrenchDecimal} format={formatFrenchDecimal} inputProps={{ inputMode: 'decimal', ...inputProps }} />
  );
};

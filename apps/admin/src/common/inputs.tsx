/** Inputs for the API's shapes: codes chosen from a list, JSON objects, payer splits. */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, FormHelperText, IconButton, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { SelectInput, useGetList, useInput, useTranslate, type SelectInputProps, type Validator } from 'react-admin';
import { formatFrenchDecimal, parseFrenchDecimal } from '../format/french-decimal';

/** A select of codes of a resource (`org-units`, `services`, `staff-needs`…): the API takes codes, not ids; the user reads the labels. */
type CodeSelectProps = Omit<SelectInputProps, 'choices' | 'optionText'> & { source: string };

export const CodeSelectInput = ({ reference, labelField = 'label', ...props }: CodeSelectProps & { reference: string; labelField?: string }) => {
  const { data, isPending } = useGetList(reference, { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const choices = (data ?? []).map((r) => ({ id: String(r.code), name: String(r[labelField] ?? r.name ?? r.label ?? r.code) }));
  return <SelectInput {...props} choices={choices} isPending={isPending} />;
};

export const OrgUnitCodeInput = (props: CodeSelectProps) => <CodeSelectInput reference="org-units" labelField="name" {...props} />;
export const ServiceCodeInput = (props: CodeSelectProps) => <CodeSelectInput reference="services" {...props} />;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value must be a JSON object (the text did parse). */
export const jsonObject = (): Validator => (value: unknown) =>
  value === undefined || value === null || isPlainObject(value) ? undefined : 'levier.validation.json';

const stringify = (v: unknown): string => (v === undefined || v === null ? '' : JSON.stringify(v, null, 2));

/**
 * A JSON object edited as text: syntax errors shown while typing (the value then holds the raw text, which the
 * validator refuses), the server's messages (422 `params.rateWith` …) shown under the field.
 */
export const JsonInput = ({
  source,
  label,
  helperText,
  validate,
  rows = 10,
}: {
  source: string;
  label?: string;
  helperText?: string;
  validate?: Validator[];
  rows?: number;
}) => {
  const translate = useTranslate();
  const id = useId();
  const { field, fieldState, isRequired } = useInput({ source, validate: [jsonObject(), ...(validate ?? [])] });
  const [text, setText] = useState(() => stringify(field.value));
  const [syntax, setSyntax] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    // A record loaded (or reset) from outside: show it, unless the user is typing.
    if (!editing.current && isPlainObject(field.value)) setText(stringify(field.value));
  }, [field.value]);
  const error = syntax ?? (fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : null);
  const serverMessages = error && !syntax ? error.split(' ; ') : [];
  return (
    <Box sx={{ width: '100%', mb: 2 }}>
      <MuiTextField
        id={id}
        label={`${translate(label ?? `resources.${source}`, { _: label ?? source })}${isRequired ? ' *' : ''}`}
        value={text}
        multiline
        minRows={rows}
        fullWidth
        error={Boolean(error)}
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={() => {
          editing.current = false;
          field.onBlur();
        }}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          try {
            const parsed = next.trim() === '' ? null : (JSON.parse(next) as unknown);
            setSyntax(parsed === null || isPlainObject(parsed) ? null : translate('levier.validation.json'));
            field.onChange(parsed);
          } catch (err) {
            setSyntax(translate('levier.json.syntax', { message: err instanceof Error ? err.message : String(err) }));
            field.onChange(next);
          }
        }}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 }, 'data-testid': `json-${source}` } }}
      />
      {serverMessages.length > 1 ? (
        <Box component="ul" role="alert" sx={{ m: 0, mt: 0.5, pl: 3, color: 'error.main' }} data-testid={`json-${source}-errors`}>
          {serverMessages.map((m) => (
            <li key={m}>
              <Typography variant="caption">{m}</Typography>
            </li>
          ))}
        </Box>
      ) : (
        <FormHelperText error={Boolean(error)} role={error ? 'alert' : undefined} data-testid={`json-${source}-errors`}>
          {error ?? (helperText ? translate(helperText, { _: helperText }) : ' ')}
        </FormHelperText>
      )}
    </Box>
  );
};

/** Payer codes of unit costs, in the engine's order; the last three exist under conventions 2 only (the method check refuses them under 1). */
export const PAYERS = [
  'ASSURANCE_MALADIE',
  'DEPARTEMENT',
  'COMMUNE_CCAS',
  'ETAT',
  'CAF',
  'USAGER',
  'AUTRE',
  'CAISSES_RETRAITE',
  'ARS',
  'BAILLEUR_SOCIAL',
] as const;

const SHARE = /^(?:0(?:\.\d+)?|1(?:\.0+)?)$/;

/** Payers must be known, shares decimals in [0, 1] that sum to 1 (compared in millionths, no float drift). */
export const payersValidator = (): Validator => (value: unknown) => {
  if (!isPlainObject(value) || Object.keys(value).length === 0) return 'levier.validation.payers_required';
  const shares = Object.values(value).map(String);
  if (!shares.every((s) => SHARE.test(s.trim()))) return 'levier.validation.share';
  const millionths = shares.reduce((sum, s) => sum + Math.round(Number(s) * 1_000_000), 0);
  return millionths === 1_000_000 ? undefined : 'levier.validation.payers_sum';
};

/** The split of a unit cost between payers: one row per payer, shares in [0, 1] summing to 1. */
export const PayersInput = ({ source = 'payers' }: { source?: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source, validate: payersValidator() });
  const entries = isPlainObject(field.value) ? Object.entries(field.value as Record<string, string>) : [];
  const set = (next: Array<[string, string]>) => field.onChange(Object.fromEntries(next));
  const total = entries.reduce((sum, [, s]) => sum + (Number.isFinite(Number(s)) ? Math.round(Number(s) * 1_000_000) : 0), 0) / 1_000_000;
  const unused = PAYERS.filter((p) => !entries.some(([k]) => k === p));
  const error = fieldState.error?.message;
  return (
    <Box sx={{ mb: 2 }} data-testid="payers-input" role="group" aria-label={translate('levier.unit_costs.payers')}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('levier.unit_costs.payers')}
      </Typography>
      {entries.map(([payer, share], index) => (
        <Box key={`${payer}-${index}`} sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
          <MuiTextField
            select
            size="small"
            label={translate('levier.payers.payer')}
            value={payer}
            sx={{ minWidth: 240 }}
            onChange={(e) => set(entries.map(([k, v], i) => (i === index ? [e.target.value, v] : [k, v])))}
          >
            {[payer, ...unused].map((p) => (
              <MenuItem key={p} value={p}>
                {translate(`levier.payers.${p}`, { _: p })}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField
            size="small"
            label={translate('levier.unit_costs.share')}
            value={formatFrenchDecimal(share)}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-payer': payer } }}
            onChange={(e) => set(entries.map(([k, v], i) => (i === index ? [k, parseFrenchDecimal(e.target.value) ?? ''] : [k, v])))}
          />
          <IconButton aria-label={translate('levier.unit_costs.remove_payer', { payer })} onClick={() => set(entries.filter((_, i) => i !== index))}>
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Button size="small" startIcon={<AddIcon />} disabled={unused.length === 0} onClick={() => set([...entries, [unused[0], '0']])}>
          {translate('levier.unit_costs.add_payer')}
        </Button>
        <Typography variant="body2" sx={{ color: Math.abs(total - 1) < 1e-9 ? 'success.dark' : 'error.main' }} data-testid="payers-total">
          {translate('levier.unit_costs.total', { total: total.toLocaleString('fr-FR', { maximumFractionDigits: 6 }) })}
        </Typography>
      </Box>
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate(error, { _: error })}
        </Alert>
      ) : null}
    </Box>
  );
};

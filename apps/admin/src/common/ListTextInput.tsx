import { TextField } from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useInput, useTranslate, type Validator } from 'react-admin';

/** Splits a text typed by a user into a list (one item per line, comma or semicolon). */
export const splitList = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A list of strings edited as text, one per line (e-mail addresses…); the form value is the array. */
export const ListTextInput = ({ source, label, helperText, validate }: { source: string; label: string; helperText?: string; validate?: Validator[] }) => {
  const translate = useTranslate();
  const id = useId();
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const [text, setText] = useState(() => (Array.isArray(field.value) ? (field.value as string[]).join('\n') : ''));
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current && Array.isArray(field.value)) setText((field.value as string[]).join('\n'));
  }, [field.value]);
  const error = fieldState.error?.message;
  return (
    <TextField
      id={id}
      label={`${translate(label, { _: label })}${isRequired ? ' *' : ''}`}
      value={text}
      multiline
      minRows={2}
      fullWidth
      sx={{ mb: 2 }}
      error={Boolean(error)}
      helperText={error ? translate(error, { _: error }) : helperText ? translate(helperText, { _: helperText }) : ' '}
      onFocus={() => {
        editing.current = true;
      }}
      onBlur={() => {
        editing.current = false;
        field.onBlur();
      }}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(splitList(e.target.value));
      }}
      slotProps={{ htmlInput: { 'data-testid': `list-${source}` } }}
    />
  );
};

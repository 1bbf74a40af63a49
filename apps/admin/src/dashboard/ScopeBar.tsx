import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import type { Scope } from './indicators.types';
import { validateScope } from './scope';

export interface ScopeBarProps {
  scope: Scope;
  onApply: (scope: Scope) => void;
  onReset: () => void;
}

/** Org unit code and period range; applied to the URL only when valid. */
export const ScopeBar = ({ scope, onApply, onReset }: ScopeBarProps) => {
  const translate = useTranslate();
  const headingId = useId();
  const [draft, setDraft] = useState<Scope>(scope);
  const { orgUnit, from, to } = scope;
  useEffect(() => setDraft({ orgUnit, from, to }), [orgUnit, from, to]);
  const errors = validateScope(draft);
  const invalid = Object.keys(errors).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onApply({ orgUnit: draft.orgUnit.trim(), from: draft.from.trim(), to: draft.to.trim() });
  };
  const field = (key: keyof Scope) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  return (
    <Paper component="form" role="search" aria-labelledby={headingId} onSubmit={submit} noValidate variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('levier.scope.label')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          {...field('orgUnit')}
          id="scope-org-unit"
          name="orgUnit"
          size="small"
          label={translate('levier.scope.org_unit')}
          helperText={translate('levier.scope.org_unit_help')}
          fullWidth={false}
          sx={{ width: 240 }}
        />
        <TextField
          {...field('from')}
          id="scope-from"
          name="from"
          size="small"
          label={translate('levier.scope.from')}
          error={Boolean(errors.from)}
          helperText={translate(errors.from ?? 'levier.scope.period_help')}
          fullWidth={false}
          sx={{ width: 210 }}
        />
        <TextField
          {...field('to')}
          id="scope-to"
          name="to"
          size="small"
          label={translate('levier.scope.to')}
          error={Boolean(errors.to)}
          helperText={translate(errors.to ?? 'levier.scope.period_help')}
          fullWidth={false}
          sx={{ width: 210 }}
        />
        <Box sx={{ display: 'flex', gap: 1, pt: 0.25 }}>
          <Button type="submit" variant="contained" disabled={invalid}>
            {translate('levier.scope.apply')}
          </Button>
          <Button type="button" variant="text" onClick={onReset}>
            {translate('levier.scope.reset')}
          </Button>
        </Box>
      </Box>
    </Paper>
  );
};

import { Box, Button, MenuItem, Paper, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { Basis } from '@levier/contracts';
import type { Scope } from './scope.types';
import { optionLabels, toTreeOptions, type OrgUnitRecord, type TreeOption } from './org-tree';
import { validateScope } from './scope';

export interface ScopeBarProps {
  scope: Scope;
  onApply: (scope: Scope) => void;
  onReset: () => void;
}

const ALL = '__all__';

/** The org-unit tree visible to the user, ancestors outside their roles flagged (empty list and an error when the endpoint is missing). */
export const useOrgUnitTree = (): { options: TreeOption[]; isPending: boolean; error: unknown } => {
  const { data, isPending, error } = useGetList<OrgUnitRecord>(
    'org-units',
    { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } },
    { retry: false },
  );
  const options = useMemo(() => toTreeOptions(data ?? []), [data]);
  return { options, isPending, error };
};

export interface ServiceRecord {
  id: string;
  code: string;
  label: string;
  granularity?: 'month' | 'quarter' | 'year';
  orgUnits?: string[];
}

export const useServices = () =>
  useGetList<ServiceRecord>('services', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });

/** Org unit (tree, ancestors outside the user's roles greyed out), service, period range and basis; applied to the URL only when valid. */
export const ScopeBar = ({ scope, onApply, onReset }: ScopeBarProps) => {
  const translate = useTranslate();
  const headingId = useId();
  const [draft, setDraft] = useState<Scope>(scope);
  const { orgUnit, from, to, service, basis } = scope;
  useEffect(() => setDraft({ orgUnit, from, to, service, basis }), [orgUnit, from, to, service, basis]);
  const errors = validateScope(draft);
  const invalid = Object.keys(errors).length > 0;
  const tree = useOrgUnitTree();
  const services = useServices();
  const unitLabels = useMemo(() => optionLabels(tree.options), [tree.options]);

  const clean = (s: Scope): Scope => {
    const next: Scope = { orgUnit: s.orgUnit.trim(), from: s.from.trim(), to: s.to.trim() };
    if (s.service?.trim()) next.service = s.service.trim();
    if (s.basis === 'reported') next.basis = 'reported';
    return next;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onApply(clean(draft));
  };
  const text = (key: 'from' | 'to') => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  // The tree when the API lists org units; a plain code field otherwise.
  const orgUnitField =
    tree.error || (!tree.isPending && tree.options.length === 0) ? (
      <TextField
        id="scope-org-unit"
        name="orgUnit"
        size="small"
        value={draft.orgUnit}
        onChange={(e) => setDraft((d) => ({ ...d, orgUnit: e.target.value }))}
        label={translate('levier.scope.org_unit')}
        helperText={translate('levier.scope.org_unit_help')}
        sx={{ width: 260 }}
      />
    ) : (
      <TextField
        select
        id="scope-org-unit"
        name="orgUnit"
        size="small"
        value={draft.orgUnit || ALL}
        onChange={(e) => setDraft((d) => ({ ...d, orgUnit: e.target.value === ALL ? '' : e.target.value }))}
        label={translate('levier.scope.org_unit_tree')}
        helperText={translate('levier.scope.org_unit_tree_help')}
        sx={{ width: 280 }}
        slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
      >
        <MenuItem value={ALL}>{translate('levier.dashboard.whole_organisation_option')}</MenuItem>
        {tree.options.map((o) => (
          <MenuItem key={o.code} value={o.code} disabled={!o.inScope} sx={{ pl: 2 + o.depth * 2.5 }}>
            {o.depth > 0 ? '└ ' : ''}
            {unitLabels.get(o.code) ?? o.name}
          </MenuItem>
        ))}
      </TextField>
    );

  return (
    <Paper
      component="form"
      role="search"
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
      variant="outlined"
      sx={{ p: 2, mb: 2 }}
      className="levier-no-print"
    >
      <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('levier.scope.label')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        {orgUnitField}
        <TextField
          select
          id="scope-service"
          name="service"
          size="small"
          value={draft.service || ALL}
          onChange={(e) => setDraft((d) => ({ ...d, service: e.target.value === ALL ? '' : e.target.value }))}
          label={translate('levier.scope.service')}
          helperText={translate('levier.scope.service_help')}
          sx={{ width: 240 }}
          disabled={Boolean(services.error)}
        >
          <MenuItem value={ALL}>{translate('levier.scope.all_services')}</MenuItem>
          {(services.data ?? []).map((s) => (
            <MenuItem key={s.code} value={s.code}>
              {s.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...text('from')}
          id="scope-from"
          name="from"
          size="small"
          label={translate('levier.scope.from')}
          error={Boolean(errors.from)}
          helperText={translate(errors.from ?? 'levier.scope.period_help')}
          sx={{ width: 180 }}
        />
        <TextField
          {...text('to')}
          id="scope-to"
          name="to"
          size="small"
          label={translate('levier.scope.to')}
          error={Boolean(errors.to)}
          helperText={translate(errors.to ?? 'levier.scope.period_help')}
          sx={{ width: 180 }}
        />
        <Box>
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            value={draft.basis ?? 'current'}
            onChange={(_, value: Basis | null) => value && setDraft((d) => ({ ...d, basis: value }))}
            aria-label={translate('levier.scope.basis')}
          >
            <ToggleButton value="current">{translate('levier.scope.basis_current')}</ToggleButton>
            <ToggleButton value="reported">{translate('levier.scope.basis_reported')}</ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5, maxWidth: 300 }}>
            {translate('levier.scope.basis_help')}
          </Typography>
        </Box>
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

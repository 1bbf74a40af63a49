import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Title, useDataProvider, useGetList, useLocation, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { RoleAssignment } from '../auth/auth.types';
import { useOrgUnitTree, useServices } from '../dashboard/ScopeBar';
import { errorText } from '../dashboard/error-text';
import { isPeriod, periodKind } from '../dashboard/scope';
import type { LevierDataProvider } from '../dataProvider';
import { formatForInput, moveFrom, parseClipboardBlock, parseFrenchNumber, pasteUpdates, type Move } from './grid-input';
import { SubmissionReport } from './SubmissionReport';
import { isFinished, useSubmissionPolling } from './submission-status';

interface FigureRecord {
  id: string;
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  value: string | null;
  status?: string;
}
interface MetricRecord {
  id: string;
  code: string;
  label: string;
  unit?: string;
}

const cellKey = (service: string, metric: string) => `${service}|${metric}`;
const KEYS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', Enter: 'down' };

const defaultPeriod = (): string => {
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Period workflow: submit, approve, reopen (reason required), with the period's completeness. */
const PeriodActions = ({ orgUnit, period, roles }: { orgUnit: string; period: string; roles: RoleAssignment[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const [completeness, setCompleteness] = useState<{ expected?: number; entered?: number; ratio?: string; missing?: unknown[] } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const canApprove = roles.some((r) => r.role === 'admin' || r.role === 'finance');

  const load = useCallback(async () => {
    if (!dataProvider.apiGet || !orgUnit || !isPeriod(period)) return;
    const q = `orgUnit=${encodeURIComponent(orgUnit)}&period=${encodeURIComponent(period)}`;
    try {
      setCompleteness(await dataProvider.apiGet(`/completeness?${q}`));
    } catch {
      setCompleteness(null);
    }
    try {
      const rows = await dataProvider.apiGet<Array<{ status?: string; orgUnit?: string; period?: string }>>(
        `/periods?filter=${encodeURIComponent(JSON.stringify({ orgUnit, period }))}`,
      );
      setStatus(Array.isArray(rows) && rows[0]?.status ? rows[0].status : null);
    } catch {
      setStatus(null);
    }
  }, [dataProvider, orgUnit, period]);
  useEffect(() => void load(), [load]);

  const act = async (action: 'submit' | 'approve' | 'reopen', why?: string) => {
    if (!dataProvider.apiPost) return;
    try {
      await dataProvider.apiPost(`/periods/${action}`, why ? { orgUnit, period, reason: why } : { orgUnit, period });
      notify(`levier.grid.period_${action}_done`, { type: 'success' });
      await load();
    } catch (e) {
      notify(errorText(e, translate), { type: 'error' });
    }
  };

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }} data-testid="period-actions">
      <Typography variant="body2" sx={{ mr: 1 }}>
        {translate('levier.grid.period_status', {
          status: status ? translate(`levier.enums.period_status.${status}`, { _: status }) : translate('levier.grid.period_open'),
        })}
        {completeness?.expected !== undefined
          ? ` · ${translate('levier.grid.completeness', { entered: completeness.entered ?? 0, expected: completeness.expected })}`
          : null}
      </Typography>
      <Button size="small" variant="outlined" onClick={() => void act('submit')}>
        {translate('levier.grid.submit_period')}
      </Button>
      {canApprove ? (
        <Button size="small" variant="outlined" onClick={() => void act('approve')}>
          {translate('levier.grid.approve_period')}
        </Button>
      ) : null}
      {canApprove ? (
        <Button size="small" variant="outlined" onClick={() => setReopening(true)}>
          {translate('levier.grid.reopen_period')}
        </Button>
      ) : null}
      <Dialog open={reopening} onClose={() => setReopening(false)} aria-labelledby="reopen-title">
        <DialogTitle id="reopen-title">{translate('levier.grid.reopen_title', { orgUnit, period })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            required
            fullWidth
            multiline
            minRows={2}
            label={translate('levier.grid.reason')}
            helperText={translate('levier.grid.reason_help')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reason.length > 0 && reason.trim().length < 3}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReopening(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={reason.trim().length < 3}
            onClick={() => {
              setReopening(false);
              void act('reopen', reason.trim());
              setReason('');
            }}
          >
            {translate('levier.grid.reopen_period')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

/** Data entry for one org unit and one period: services × metrics, French numbers, Excel paste, saved as a `grid` submission. */
export const DataEntryGrid = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const { permissions } = usePermissions<RoleAssignment[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const canWrite = roles.some((r) => r.role === 'admin' || r.role === 'finance');
  const tree = useOrgUnitTree();
  const services = useServices();
  const metrics = useGetList<MetricRecord>('metrics', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });

  const params = new URLSearchParams(useLocation().search);
  const [orgUnit, setOrgUnit] = useState(params.get('orgUnit') ?? '');
  const [period, setPeriod] = useState(params.get('period') ?? defaultPeriod());
  const leaves = tree.options.filter((o) => o.leaf);
  useEffect(() => {
    if (!orgUnit && leaves.length > 0) setOrgUnit(leaves[0].code);
  }, [orgUnit, leaves]);

  const validPeriod = isPeriod(period);
  const figures = useGetList<FigureRecord>(
    'figures',
    { pagination: { page: 1, perPage: 1000 }, sort: { field: 'service', order: 'ASC' }, filter: { orgUnit, period } },
    { enabled: Boolean(orgUnit) && validPeriod, retry: false },
  );

  const kind = periodKind(period);
  const rows = useMemo(
    () => (services.data ?? []).filter((s) => (!s.orgUnits || s.orgUnits.includes(orgUnit)) && (!s.granularity || s.granularity === kind)),
    [services.data, orgUnit, kind],
  );
  const otherGranularity = useMemo(
    () => (services.data ?? []).filter((s) => (!s.orgUnits || s.orgUnits.includes(orgUnit)) && s.granularity && s.granularity !== kind),
    [services.data, orgUnit, kind],
  );
  const cols = metrics.data ?? [];

  const stored = useMemo(() => {
    const m = new Map<string, string | null>();
    for (const f of figures.data ?? []) m.set(cellKey(f.service, f.metric), f.value);
    return m;
  }, [figures.data]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  useEffect(() => setEdits({}), [orgUnit, period]);

  const textOf = (service: string, metric: string): string => {
    const key = cellKey(service, metric);
    return key in edits ? edits[key] : formatForInput(stored.get(key) ?? null);
  };
  const changed = Object.entries(edits).filter(([key, text]) => {
    const parsed = parseFrenchNumber(text);
    return !parsed.ok || parsed.value !== (stored.get(key) ?? null);
  });
  const invalid = changed.filter(([, text]) => !parseFrenchNumber(text).ok);

  const inputs = useRef(new Map<string, HTMLInputElement>());
  const focusCell = (row: number, col: number) => {
    const input = inputs.current.get(`${row}:${col}`);
    input?.focus();
    input?.select();
  };
  const onKeyDown = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const move = KEYS[e.key];
    if (!move) return;
    const input = e.currentTarget;
    // Left/right move between cells only from the edge of the text, so the caret still works inside a cell.
    if (move === 'left' && (input.selectionStart ?? 0) > 0) return;
    if (move === 'right' && (input.selectionEnd ?? 0) < input.value.length) return;
    e.preventDefault();
    const next = moveFrom({ row, col }, move, { rows: rows.length, cols: cols.length });
    focusCell(next.row, next.col);
  };
  const onPaste = (row: number, col: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    const block = parseClipboardBlock(text);
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) return; // one value: the input's own paste
    e.preventDefault();
    const updates = pasteUpdates(block, { row, col }, { rows: rows.length, cols: cols.length });
    setEdits((prev) => {
      const next = { ...prev };
      for (const u of updates) next[cellKey(rows[u.row].code, cols[u.col].code)] = u.text;
      return next;
    });
    notify('levier.grid.pasted', { type: 'info', messageArgs: { count: updates.length } });
  };

  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { state: submission, error: pollError } = useSubmissionPolling(submissionId);
  useEffect(() => {
    if (submission?.status === 'applied') {
      setEdits({});
      void figures.refetch();
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    }
  }, [isFinished(submission), submission?.id]);

  const save = async () => {
    if (!dataProvider.apiPost || changed.length === 0 || invalid.length > 0) return;
    setSaving(true);
    try {
      const figuresToSend = changed.map(([key, text]) => {
        const [service, metric] = key.split('|');
        const parsed = parseFrenchNumber(text);
        return { orgUnit, service, metric, period, value: parsed.ok ? parsed.value : null };
      });
      const { json } = await dataProvider.apiPost<{ id: string }>('/submissions', { source: 'grid', figures: figuresToSend });
      setSubmissionId(json.id);
    } catch (e) {
      notify(errorText(e, translate), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ py: 2 }}>
      <Title title="levier.grid.title" />
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('levier.grid.title')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {translate('levier.grid.help')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, mb: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label={translate('levier.grid.org_unit')}
          value={orgUnit}
          onChange={(e) => setOrgUnit(e.target.value)}
          sx={{ width: 280 }}
          id="grid-org-unit"
        >
          {tree.options.map((o) => (
            <MenuItem key={o.code} value={o.code} disabled={!o.leaf} sx={{ pl: 2 + o.depth * 2.5 }}>
              {o.name} ({o.code})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          id="grid-period"
          label={translate('levier.grid.period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          error={!validPeriod}
          helperText={translate(validPeriod ? 'levier.scope.period_help' : 'levier.scope.invalid_period')}
          sx={{ width: 180 }}
        />
        {orgUnit && validPeriod ? <PeriodActions orgUnit={orgUnit} period={period} roles={roles} /> : null}
      </Paper>

      {figures.error || metrics.error || services.error ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('levier.grid.unavailable')}
        </Alert>
      ) : null}
      {rows.length === 0 && !services.isPending ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('levier.grid.no_service', { kind: kind ? translate(`levier.enums.granularity.${kind}`) : period })}
        </Alert>
      ) : (
        <TableContainer component={Paper} variant="outlined" sx={{ mb: 2, maxWidth: '100%', overflowX: 'auto' }}>
          <Table size="small" aria-label={translate('levier.grid.table_label', { orgUnit, period })} data-testid="entry-grid">
            <TableHead>
              <TableRow>
                <TableCell scope="col" sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 }}>
                  {translate('levier.grid.service')}
                </TableCell>
                {cols.map((m) => (
                  <TableCell key={m.code} scope="col" align="right" sx={{ minWidth: 120 }}>
                    {m.label}
                    {m.unit ? (
                      <Typography component="span" variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                        {m.unit}
                      </Typography>
                    ) : null}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((s, r) => (
                <TableRow key={s.code}>
                  <TableCell component="th" scope="row" sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1, minWidth: 180 }}>
                    {s.label}
                  </TableCell>
                  {cols.map((m, c) => {
                    const key = cellKey(s.code, m.code);
                    const text = textOf(s.code, m.code);
                    const parsed = parseFrenchNumber(text);
                    const dirty = key in edits && (!parsed.ok || parsed.value !== (stored.get(key) ?? null));
                    return (
                      <TableCell key={m.code} align="right" sx={{ p: 0.5, bgcolor: !parsed.ok ? '#fdecea' : dirty ? '#fff8e1' : undefined }}>
                        <input
                          ref={(el) => {
                            if (el) inputs.current.set(`${r}:${c}`, el);
                            else inputs.current.delete(`${r}:${c}`);
                          }}
                          data-cell={`${s.code}|${m.code}`}
                          aria-label={`${s.label} — ${m.label}`}
                          aria-invalid={!parsed.ok}
                          inputMode="decimal"
                          readOnly={!canWrite}
                          value={text}
                          onChange={(e) => setEdits((prev) => ({ ...prev, [key]: e.target.value }))}
                          onKeyDown={onKeyDown(r, c)}
                          onPaste={onPaste(r, c)}
                          onFocus={(e) => e.currentTarget.select()}
                          style={{
                            width: '100%',
                            minWidth: 90,
                            boxSizing: 'border-box',
                            textAlign: 'right',
                            font: 'inherit',
                            fontVariantNumeric: 'tabular-nums',
                            padding: '6px 8px',
                            border: `1px solid ${!parsed.ok ? '#c62828' : '#8a8a8a'}`,
                            borderRadius: 4,
                            background: 'transparent',
                          }}
                        />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {otherGranularity.length > 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          {translate('levier.grid.other_granularity', { services: otherGranularity.map((s) => s.label).join(', ') })}
        </Typography>
      ) : null}
      {invalid.length > 0 ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('levier.grid.invalid_cells', { count: invalid.length })}
        </Alert>
      ) : null}
      {canWrite ? (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
          <Button
            variant="contained"
            startIcon={<SaveIcon />}
            onClick={() => void save()}
            disabled={saving || changed.length === 0 || invalid.length > 0 || (submission !== null && !isFinished(submission))}
          >
            {translate('levier.grid.save', { count: changed.length })}
          </Button>
          <Button onClick={() => setEdits({})} disabled={Object.keys(edits).length === 0}>
            {translate('levier.grid.discard')}
          </Button>
        </Box>
      ) : (
        <Alert severity="info">{translate('levier.grid.read_only')}</Alert>
      )}
      {pollError ? <Alert severity="warning">{errorText(pollError, translate)}</Alert> : null}
      {submission ? <SubmissionReport state={submission} /> : null}
    </Box>
  );
};

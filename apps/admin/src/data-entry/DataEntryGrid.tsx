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
import { optionLabels } from '../dashboard/org-tree';
import { errorText } from '../dashboard/error-text';
import { isPeriod, periodKind } from '../dashboard/scope';
import type { LevierDataProvider } from '../dataProvider';
import {
  cellProblem,
  countFilled,
  formatForInput,
  moveFrom,
  parseClipboardBlock,
  parseFrenchNumber,
  pasteUpdates,
  type CellProblem,
  type Move,
} from './grid-input';
import { GridSaveReport } from './GridSaveReport';
import { isFinished, progressOf, useSubmissionPolling } from './submission-status';
import { SubmissionProgressBar } from './SubmissionProgressBar';

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
  integer?: boolean;
  minValue?: string | null;
  maxValue?: string | null;
}
/** GET /api/expected-metrics: what each service reports (slots `a|b` are filled by either metric). */
interface ExpectedRecord {
  id: string;
  service: string;
  slots: string[];
  metrics: string[];
}

const cellKey = (service: string, metric: string) => `${service}|${metric}`;
const KEYS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', Enter: 'down' };

const defaultPeriod = (): string => {
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Period workflow: submit, approve, reopen (reason required), with the period's completeness. */
const PeriodActions = ({
  orgUnit,
  period,
  roles,
  count,
  onStatus,
}: {
  orgUnit: string;
  period: string;
  roles: RoleAssignment[];
  count: { entered: number; expected: number } | null;
  onStatus: (status: string | null) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => onStatus(status), [status, onStatus]);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<'submit' | 'approve' | null>(null);
  const canApprove = roles.some((r) => r.role === 'admin' || r.role === 'finance');

  const load = useCallback(async () => {
    if (!dataProvider.apiGet || !orgUnit || !isPeriod(period)) return;
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
        {count ? (
          <span data-testid="grid-count" aria-live="polite">
            {` · ${translate('levier.month_end.grid.count', { smart_count: count.entered, expected: count.expected })}`}
          </span>
        ) : null}
      </Typography>
      <Button size="small" variant="outlined" onClick={() => setConfirming('submit')}>
        {translate('levier.grid.submit_period')}
      </Button>
      {canApprove ? (
        <Button size="small" variant="outlined" onClick={() => setConfirming('approve')}>
          {translate('levier.grid.approve_period')}
        </Button>
      ) : null}
      {canApprove ? (
        <Button size="small" variant="outlined" onClick={() => setReopening(true)}>
          {translate('levier.grid.reopen_period')}
        </Button>
      ) : null}
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} aria-labelledby="grid-confirm-title">
        <DialogTitle id="grid-confirm-title">
          {translate(confirming === 'approve' ? 'levier.month_end.grid.confirm_approve_title' : 'levier.month_end.grid.confirm_submit_title', {
            orgUnit,
            period,
          })}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2">
            {translate(confirming === 'approve' ? 'levier.month_end.grid.confirm_approve' : 'levier.month_end.grid.confirm_submit')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            data-testid="grid-period-confirm"
            onClick={() => {
              const action = confirming;
              setConfirming(null);
              if (action) void act(action);
            }}
          >
            {translate(confirming === 'approve' ? 'levier.grid.approve_period' : 'levier.grid.submit_period')}
          </Button>
        </DialogActions>
      </Dialog>
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

/**
 * Data entry for one org unit and one period: services × the metrics each service expects, French numbers checked
 * before sending, Excel paste, a live count of the expected figures, saved as a `grid` submission. A refused value is
 * highlighted on its cell with the reason in words; an approved period is read-only.
 */
export const DataEntryGrid = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const { permissions } = usePermissions<RoleAssignment[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const mayWrite = roles.some((r) => r.role === 'admin' || r.role === 'finance');
  const tree = useOrgUnitTree();
  const unitLabels = useMemo(() => optionLabels(tree.options), [tree.options]);
  const services = useServices();
  const metrics = useGetList<MetricRecord>('metrics', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const expectedList = useGetList<ExpectedRecord>(
    'expected-metrics',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'service', order: 'ASC' } },
    { retry: false },
  );

  const params = new URLSearchParams(useLocation().search);
  const [orgUnit, setOrgUnit] = useState(params.get('orgUnit') ?? '');
  const [period, setPeriod] = useState(params.get('period') ?? defaultPeriod());
  const [periodStatus, setPeriodStatus] = useState<string | null>(null);
  const approved = periodStatus === 'approved';
  const canWrite = mayWrite && !approved;
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
  const expectedByService = useMemo(() => new Map((expectedList.data ?? []).map((e) => [e.service, e])), [expectedList.data]);

  const stored = useMemo(() => {
    const m = new Map<string, string | null>();
    for (const f of figures.data ?? []) m.set(cellKey(f.service, f.metric), f.value);
    return m;
  }, [figures.data]);
  /** A cell is offered when its service expects the metric, or when it already holds a value (never hide a stored figure). */
  const offered = useCallback(
    (service: string, metric: string): boolean => {
      const expected = expectedByService.get(service);
      return !expected || expected.metrics.includes(metric) || (stored.get(cellKey(service, metric)) ?? null) !== null;
    },
    [expectedByService, stored],
  );
  const cols = useMemo(() => {
    const rank = (code: string) => {
      const ranks = rows.map((s) => expectedByService.get(s.code)?.metrics.indexOf(code) ?? -1).filter((i) => i >= 0);
      return ranks.length > 0 ? Math.min(...ranks) : Number.MAX_SAFE_INTEGER;
    };
    return (metrics.data ?? [])
      .filter((m) => rows.some((s) => offered(s.code, m.code)))
      .map((m) => ({ m, rank: rank(m.code) }))
      .sort((a, b) => a.rank - b.rank || a.m.code.localeCompare(b.m.code))
      .map(({ m }) => m);
  }, [metrics.data, rows, expectedByService, offered]);
  const metricByCode = useMemo(() => new Map((metrics.data ?? []).map((m) => [m.code, m])), [metrics.data]);

  const [edits, setEdits] = useState<Record<string, string>>({});
  /** The server's reasons for refused values of the last grid save, by cell; a cell's reason goes when it is edited. */
  const [refused, setRefused] = useState<Record<string, string>>({});
  useEffect(() => {
    setEdits({});
    setRefused({});
  }, [orgUnit, period]);
  const edit = (key: string, text: string) => {
    setEdits((prev) => ({ ...prev, [key]: text }));
    setRefused((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
  };

  const textOf = (service: string, metric: string): string => {
    const key = cellKey(service, metric);
    return key in edits ? edits[key] : formatForInput(stored.get(key) ?? null);
  };
  const problemOf = (key: string): CellProblem | null => {
    if (!(key in edits)) return null;
    const metric = metricByCode.get(key.split('|')[1]);
    return cellProblem(edits[key], metric ?? { label: key.split('|')[1] });
  };
  const changed = Object.entries(edits).filter(([key, text]) => {
    const parsed = parseFrenchNumber(text);
    return !parsed.ok || parsed.value !== (stored.get(key) ?? null);
  });
  const invalid = changed.filter(([key]) => problemOf(key) !== null);

  const count = useMemo(() => {
    if (!expectedList.data) return null;
    const valueOf = (service: string, metric: string): string | null => {
      const key = cellKey(service, metric);
      if (key in edits) {
        const parsed = parseFrenchNumber(edits[key]);
        return parsed.ok ? parsed.value : null;
      }
      return stored.get(key) ?? null;
    };
    return countFilled(
      rows.map((s) => ({ service: s.code, slots: expectedByService.get(s.code)?.slots ?? [] })),
      valueOf,
    );
  }, [expectedList.data, rows, expectedByService, edits, stored]);

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
    // skip the cells a service does not expect, in the same direction, up to the grid's edge
    let at = { row, col };
    for (;;) {
      const next = moveFrom(at, move, { rows: rows.length, cols: cols.length });
      if (next.row === at.row && next.col === at.col) return;
      at = next;
      if (inputs.current.has(`${at.row}:${at.col}`)) return focusCell(at.row, at.col);
    }
  };
  const onPaste = (row: number, col: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    const block = parseClipboardBlock(text);
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) return; // one value: the input's own paste
    e.preventDefault();
    const updates = pasteUpdates(block, { row, col }, { rows: rows.length, cols: cols.length }, (r, c) => !offered(rows[r].code, cols[c].code));
    setEdits((prev) => {
      const next = { ...prev };
      for (const u of updates) next[cellKey(rows[u.row].code, cols[u.col].code)] = u.text;
      return next;
    });
    notify('levier.grid.pasted', { type: 'info', messageArgs: { count: updates.length } });
  };

  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const { state: submission, error: pollError } = useSubmissionPolling(submissionId);
  useEffect(() => {
    if (submission?.status === 'applied') {
      setEdits({});
      setRefused({});
      void figures.refetch();
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    }
    if (submission?.status === 'rejected') {
      // a grid submission's line n is the n-th figure sent: put each reason back on its cell
      const byCell: Record<string, string> = {};
      for (const error of submission.errors ?? []) {
        const key = error.line !== null ? sentKeys[error.line - 1] : undefined;
        if (key) byCell[key] = byCell[key] ? `${byCell[key]} ; ${error.message}` : error.message;
      }
      setRefused(byCell);
    }
  }, [isFinished(submission), submission?.id]);

  const save = async () => {
    if (!dataProvider.apiPost || changed.length === 0 || invalid.length > 0 || !canWrite) return;
    setSaving(true);
    try {
      const keys = changed.map(([key]) => key);
      const figuresToSend = changed.map(([key, text]) => {
        const [service, metric] = key.split('|');
        const parsed = parseFrenchNumber(text);
        return { orgUnit, service, metric, period, value: parsed.ok ? parsed.value : null };
      });
      setRefused({});
      const { json } = await dataProvider.apiPost<{ id: string }>('/submissions', { source: 'grid', figures: figuresToSend });
      setSentKeys(keys);
      setSubmissionId(json.id);
    } catch (e) {
      notify(errorText(e, translate), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const progress = progressOf(submission);
  const labelOf = (key: string) => {
    const [service, metric] = key.split('|');
    const s = rows.find((r) => r.code === service);
    return `${s?.label ?? service} — ${metricByCode.get(metric)?.label ?? metric}`;
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
              {unitLabels.get(o.code) ?? o.name}
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
        {orgUnit && validPeriod ? <PeriodActions orgUnit={orgUnit} period={period} roles={roles} count={count} onStatus={setPeriodStatus} /> : null}
      </Paper>

      {figures.error || metrics.error || services.error ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('levier.grid.unavailable')}
        </Alert>
      ) : null}
      {approved ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="grid-approved">
          {translate('levier.month_end.grid.approved_read_only')}
        </Alert>
      ) : null}
      {rows.length === 0 && !services.isPending ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('levier.grid.no_service', { kind: kind ? translate(`levier.enums.granularity.${kind}`) : period })}
        </Alert>
      ) : (
        <TableContainer
          component={Paper}
          variant="outlined"
          sx={{ mb: 2, maxWidth: '100%', overflowX: 'auto', bgcolor: approved ? 'action.hover' : undefined }}
        >
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
                    if (!offered(s.code, m.code)) {
                      return (
                        <TableCell
                          key={m.code}
                          align="center"
                          sx={{ color: 'text.disabled', bgcolor: 'action.hover' }}
                          title={translate('levier.month_end.grid.not_expected')}
                        >
                          <span aria-hidden="true">—</span>
                          <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                            {`${s.label} — ${m.label} : ${translate('levier.month_end.grid.not_expected')}`}
                          </span>
                        </TableCell>
                      );
                    }
                    const text = textOf(s.code, m.code);
                    const parsed = parseFrenchNumber(text);
                    const problem = problemOf(key);
                    const reason = problem ? translate(problem.key, problem.args) : (refused[key] ?? null);
                    const dirty = key in edits && (!parsed.ok || parsed.value !== (stored.get(key) ?? null));
                    const messageId = `cell-msg-${r}-${c}`;
                    return (
                      <TableCell key={m.code} align="right" sx={{ p: 0.5, verticalAlign: 'top', bgcolor: reason ? '#fdecea' : dirty ? '#fff8e1' : undefined }}>
                        <input
                          ref={(el) => {
                            if (el) inputs.current.set(`${r}:${c}`, el);
                            else inputs.current.delete(`${r}:${c}`);
                          }}
                          data-cell={`${s.code}|${m.code}`}
                          aria-label={`${s.label} — ${m.label}`}
                          aria-invalid={reason !== null}
                          aria-describedby={reason ? messageId : undefined}
                          inputMode="decimal"
                          readOnly={!canWrite}
                          value={text}
                          onChange={(e) => edit(key, e.target.value)}
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
                            border: `${reason ? 2 : 1}px solid ${reason ? '#c62828' : '#8a8a8a'}`,
                            borderRadius: 4,
                            background: 'transparent',
                            color: canWrite ? undefined : '#555',
                          }}
                        />
                        {reason ? (
                          <Typography
                            id={messageId}
                            role="alert"
                            variant="caption"
                            sx={{ display: 'block', color: '#b71c1c', textAlign: 'left', maxWidth: 200 }}
                          >
                            {reason}
                          </Typography>
                        ) : null}
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
          {translate('levier.month_end.grid.invalid_cells', { smart_count: invalid.length })}
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
          <Button
            onClick={() => {
              setEdits({});
              setRefused({});
            }}
            disabled={Object.keys(edits).length === 0}
          >
            {translate('levier.grid.discard')}
          </Button>
        </Box>
      ) : mayWrite ? null : (
        <Alert severity="info">{translate('levier.grid.read_only')}</Alert>
      )}
      {pollError ? <Alert severity="warning">{errorText(pollError, translate)}</Alert> : null}
      {progress ? <SubmissionProgressBar progress={progress} /> : null}
      {submission ? <GridSaveReport state={submission} cellOfLine={(line) => (sentKeys[line - 1] ? labelOf(sentKeys[line - 1]) : null)} /> : null}
    </Box>
  );
};

import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Title, useDataProvider, useNotify, usePermissions } from 'react-admin';
import type { RoleAssignment } from '../auth/auth.types';
import type { LevierDataProvider } from '../dataProvider';
import { formatDateTime } from '../format/decimal-format';
import { DownloadButton } from '../documents/DownloadButton';
import { CompareSimulations } from './CompareSimulations';
import { LeverEditor, type ServiceOption } from './LeverEditor';
import { defaultScope, newLever, previewBody } from './levers';
import { useSimulationText } from './messages';
import { SimulationResults } from './SimulationResults';
import type { LeverJson, SavedSimulation, SavedSimulationAnswer, SimulationAnswer, SimulationScope } from './simulation.types';

/** How long the screen waits after the last slider move before asking the API for a preview. */
export const PREVIEW_DEBOUNCE_MS = 300;

export const SIMULATION_ROLES = ['admin', 'finance', 'director'];

/** The API's French reasons: `errors` of a 400 when present, else its detail. */
const reasons = (error: unknown): string[] => {
  const body = (error as { body?: { errors?: unknown } } | null)?.body;
  if (Array.isArray(body?.errors) && body.errors.every((e) => typeof e === 'string')) return body.errors as string[];
  return [error instanceof Error ? error.message : String(error)];
};

interface PreviewState {
  answer: SimulationAnswer | null;
  errors: string[];
  pending: boolean;
}

/**
 * Previews while levers move: one `POST /api/simulations/preview` per pause of {@link PREVIEW_DEBOUNCE_MS} ms, an answer
 * that arrives after a newer request was sent is dropped. The engine runs on the server (one computation, one truth).
 */
const usePreview = (dataProvider: LevierDataProvider, scope: SimulationScope, levers: readonly LeverJson[]): PreviewState => {
  const [state, setState] = useState<PreviewState>({ answer: null, errors: [], pending: false });
  const key = JSON.stringify(previewBody(scope, levers));
  useEffect(() => {
    if (levers.length === 0) {
      setState({ answer: null, errors: [], pending: false });
      return undefined;
    }
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      dataProvider.apiPost!<SimulationAnswer>('/simulations/preview', JSON.parse(key)).then(
        ({ json }) => current && setState({ answer: json, errors: [], pending: false }),
        (error: unknown) => current && setState({ answer: null, errors: reasons(error), pending: false }),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, dataProvider]);
  return state;
};

/**
 * « Investir dans les bons leviers » (issue 18): levers with sliders and amounts, baseline vs simulated per payer and per
 * service with ranges, the legal checks in words; saved simulations, reopened or compared two by two.
 */
export const SimulationsPage = () => {
  const { t, locale } = useSimulationText();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const notify = useNotify();
  const { permissions, isPending: rolesPending } = usePermissions<RoleAssignment[]>();
  const allowed = Array.isArray(permissions) && permissions.some((r) => SIMULATION_ROLES.includes(r.role));
  const [scope, setScope] = useState<SimulationScope>(defaultScope);
  const [levers, setLevers] = useState<LeverJson[]>([]);
  const [services, setServices] = useState<ServiceOption[]>([]);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<SavedSimulation[]>([]);
  const [ticked, setTicked] = useState<string[]>([]);
  const [compared, setCompared] = useState<SavedSimulationAnswer[] | null>(null);
  const preview = usePreview(dataProvider, scope, levers);

  useEffect(() => {
    if (!allowed) return;
    dataProvider
      .getList('services', { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' }, filter: {} })
      .then(({ data }) => setServices(data.map((s) => ({ code: String(s.code), label: String(s.label) }))))
      .catch(() => setServices([]));
  }, [allowed, dataProvider]);

  const loadSaved = useMemo(
    () => () =>
      dataProvider.apiGet!<SavedSimulation[]>(`/simulations?range=${encodeURIComponent('[0,49]')}`).then(
        (rows) => setSaved(Array.isArray(rows) ? rows : []),
        () => setSaved([]),
      ),
    [dataProvider],
  );
  useEffect(() => {
    if (allowed) void loadSaved();
  }, [allowed, loadSaved]);

  useEffect(() => {
    if (ticked.length !== 2) {
      setCompared(null);
      return;
    }
    let current = true;
    Promise.all(ticked.map((id) => dataProvider.apiGet!<SavedSimulationAnswer>(`/simulations/${id}`))).then(
      (answers) => current && setCompared(answers),
      (error: unknown) => current && notify(reasons(error).join(' ; '), { type: 'error' }),
    );
    return () => {
      current = false;
    };
  }, [ticked, dataProvider, notify]);

  if (rolesPending) return <CircularProgress aria-label={t('computing')} />;
  if (!allowed) return <Alert severity="info">{t('unauthorized')}</Alert>;

  const codes = services.map((s) => s.code);
  const maxAmount = (code: string) => Math.ceil(Number(preview.answer?.baseline.services[code]?.cost ?? '100000') / 1000) * 1000;
  const update = (index: number, lever: LeverJson) => setLevers((all) => all.map((l, i) => (i === index ? lever : l)));

  const save = async () => {
    try {
      const body = previewBody(scope, levers);
      const { levers: leverBody, ...scopeBody } = body as { levers: LeverJson[] } & Partial<SimulationScope>;
      await dataProvider.apiPost!<{ id: string }>('/simulations', { name: name.trim(), scope: scopeBody, levers: leverBody });
      notify(t('saved'), { type: 'success' });
      setName('');
      await loadSaved();
    } catch (error) {
      notify(reasons(error).join(' ; '), { type: 'error' });
    }
  };

  const open = async (id: string) => {
    try {
      const answer = await dataProvider.apiGet!<SavedSimulationAnswer>(`/simulations/${id}`);
      setScope({ orgUnit: answer.scope.orgUnit, from: answer.scope.from ?? '', to: answer.scope.to ?? '' });
      setLevers(answer.levers);
      setName('');
    } catch (error) {
      notify(reasons(error).join(' ; '), { type: 'error' });
    }
  };

  const tick = (id: string) => setTicked((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all.slice(-1), id]));

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="simulations-page">
      <Title title={t('title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
        {t('subtitle')}
      </Typography>
      <Stack spacing={2}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {t('scope')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
              {(['orgUnit', 'from', 'to'] as const).map((key) => (
                <TextField
                  key={key}
                  size="small"
                  label={t(key)}
                  value={scope[key]}
                  helperText={key === 'orgUnit' ? t('orgUnitHelp') : 'AAAA-MM'}
                  onChange={(e) => setScope((s) => ({ ...s, [key]: e.target.value.trim() }))}
                  slotProps={{ htmlInput: { 'data-testid': `scope-${key}` } }}
                />
              ))}
            </Box>
          </CardContent>
        </Card>

        <Typography variant="h6" component="h2">
          {t('levers')}
        </Typography>
        {levers.map((lever, index) => (
          <LeverEditor
            key={index}
            lever={lever}
            index={index}
            services={services}
            maxAmount={lever.kind === 'scale' ? 0 : maxAmount(lever.fromService)}
            onChange={(l) => update(index, l)}
            onRemove={() => setLevers((all) => all.filter((_, i) => i !== index))}
          />
        ))}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {(
            [
              ['scale', t('addScale')],
              ['move', t('addMove')],
              ['redeploy', t('addRedeploy')],
            ] as const
          ).map(([kind, label]) => (
            <Button key={kind} startIcon={<AddIcon />} variant="outlined" onClick={() => setLevers((all) => [...all, newLever(kind, codes)])}>
              {label}
            </Button>
          ))}
        </Stack>

        {levers.length === 0 ? <Typography color="text.secondary">{t('noLever')}</Typography> : null}
        {preview.pending ? (
          <Typography variant="body2" color="text.secondary" role="status">
            {t('computing')}
          </Typography>
        ) : null}
        {preview.errors.length > 0 ? (
          <Alert severity="error" data-testid="simulation-errors">
            <strong>{t('refused')}</strong>
            {preview.errors.map((e) => (
              <div key={e}>{e}</div>
            ))}
          </Alert>
        ) : null}
        {preview.answer && levers.length > 0 ? (
          <>
            <SimulationResults answer={preview.answer} />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <TextField
                size="small"
                label={t('name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'simulation-name' } }}
              />
              <Button variant="contained" disabled={name.trim() === '' || preview.pending} onClick={() => void save()}>
                {t('save')}
              </Button>
            </Stack>
          </>
        ) : null}

        <Typography variant="h6" component="h2">
          {t('savedList')}
        </Typography>
        {saved.length === 0 ? (
          <Typography color="text.secondary">{t('noSaved')}</Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('compareHint')}
            </Typography>
            <Table size="small" aria-label={t('savedList')} data-testid="saved-simulations">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">{t('compare')}</TableCell>
                  <TableCell>{t('name')}</TableCell>
                  <TableCell>{t('scope')}</TableCell>
                  <TableCell>{t('createdAt')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {saved.map((s) => (
                  <TableRow key={s.id} data-testid={`saved-${s.id}`}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={ticked.includes(s.id)}
                        onChange={() => tick(s.id)}
                        slotProps={{ input: { 'aria-label': `${t('compare')} ${s.name}` } }}
                      />
                    </TableCell>
                    <TableCell>{s.name}</TableCell>
                    <TableCell>
                      {s.scope.orgUnitName} {s.scope.from ?? ''}
                      {s.scope.to && s.scope.to !== s.scope.from ? ` → ${s.scope.to}` : ''}
                    </TableCell>
                    <TableCell>{formatDateTime(s.createdAt, locale)}</TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => void open(s.id)} aria-label={`${t('open')} ${s.name}`}>
                        {t('open')}
                      </Button>
                      <DownloadButton
                        path="/documents/note-conseil"
                        query={{ simulation: s.id, format: 'pdf' }}
                        label={t('boardNote')}
                        ariaLabel={`${t('boardNote')} — ${s.name}`}
                        testId={`board-note-${s.id}`}
                        variant="text"
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
        {compared ? <CompareSimulations simulations={compared} /> : null}
      </Stack>
    </Box>
  );
};

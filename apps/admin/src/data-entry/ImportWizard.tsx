import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Paper,
  Step,
  StepLabel,
  Stepper,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { errorText } from '../dashboard/error-text';
import type { LevierDataProvider } from '../dataProvider';
import { SubmissionReport } from './SubmissionReport';
import { SubmissionPreview } from './SubmissionPreview';
import { TemplateDownload } from './ImportFileDownloads';
import { ColumnMapping, EMPTY_MAPPING, mappingFromInspection, toImportMapping, type ColumnMappingValue, type FileInspection } from './ColumnMapping';
import { isFinished, useSubmissionPolling } from './submission-status';

export const ACCEPTED = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 20 * 1024 * 1024;

interface ImportTemplate {
  id: string;
  name: string;
}

/**
 * Import wizard: choose a CSV/XLSX file (and a saved import template if its columns need one), send it as a dry run,
 * read the preview (new, changed old → new, errors, flags), then apply it — confirming how many stored values it
 * replaces — or discard it; follow the apply's progress.
 */
export const ImportWizard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [templates, setTemplates] = useState<ImportTemplate[]>([]);
  const [template, setTemplate] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [mapping, setMapping] = useState<ColumnMappingValue | null>(null);
  // the file's own lines and headers, read by the API when the mapping step opens (nothing is stored)
  const [inspection, setInspection] = useState<{ file: File; read: FileInspection | null; sheet: number } | null>(null);
  const mappingOpen = mapping !== null;
  const { state, error } = useSubmissionPolling(submissionId, 700, 120_000, round);
  const step = !submissionId ? 0 : state?.status === 'previewed' ? 1 : !isFinished(state) ? (round === 0 ? 0 : 2) : 2;

  useEffect(() => {
    if (!dataProvider.apiGet) return;
    dataProvider
      .apiGet<ImportTemplate[]>('/import-templates')
      .then((list) => setTemplates(Array.isArray(list) ? list : []))
      .catch(() => setTemplates([]));
  }, [dataProvider]);

  useEffect(() => {
    if (state?.status === 'applied') void queryClient.invalidateQueries({ queryKey: ['indicators'] });
  }, [state?.status, queryClient]);

  const pick = (e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null);
  const tooBig = file !== null && file.size > MAX_BYTES;
  const wrongType = file !== null && !/\.(csv|xlsx)$/i.test(file.name);

  useEffect(() => {
    if (!mappingOpen || !file || tooBig || wrongType || !dataProvider.apiPost || inspection?.file === file) return;
    let cancelled = false;
    const body = new FormData();
    body.append('file', file, file.name);
    dataProvider
      .apiPost<FileInspection>('/submissions/inspect', body)
      .then(({ json }) => {
        if (cancelled) return;
        const read = Array.isArray(json?.sheets) ? json : null;
        setInspection({ file, read, sheet: 0 });
        const first = read?.sheets[0];
        if (first) setMapping((m) => mappingFromInspection(first, m ?? EMPTY_MAPPING));
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        setInspection({ file, read: null, sheet: 0 });
        notify(errorText(err, translate), { type: 'warning' });
      });
    return () => {
      cancelled = true;
    };
  }, [mappingOpen, file, tooBig, wrongType, dataProvider, inspection?.file, notify, translate]);
  const sheets = inspection?.file === file ? (inspection?.read?.sheets ?? []) : [];
  const sheet = sheets[inspection?.sheet ?? 0] ?? null;

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !dataProvider.apiPost || tooBig || wrongType) return;
    setUploading(true);
    try {
      const body = new FormData();
      const columns = mapping ? toImportMapping(mapping) : null;
      if (columns) body.append('mapping', JSON.stringify(columns));
      else if (template) body.append('template', template);
      body.append('file', file, file.name);
      const { json } = await dataProvider.apiPost<{ id: string }>('/submissions?dryRun=true', body);
      if (columns && mapping && mapping.saveAs.trim() !== '') {
        // saved for next month: the wizard offers it in its list of import templates
        await dataProvider.apiPost('/import-templates', { name: mapping.saveAs.trim(), mapping: columns });
        notify(`Modèle d’import « ${mapping.saveAs.trim()} » enregistré.`, { type: 'info' });
      }
      setRound(0);
      setSubmissionId(json.id);
    } catch (err) {
      notify(errorText(err, translate), { type: 'error' });
    } finally {
      setUploading(false);
    }
  };
  const restart = () => {
    setFile(null);
    setSubmissionId(null);
    setRound(0);
  };
  const changedCount = state?.preview?.changed.length ?? 0;
  /** The file was read but its columns were not found: the mapping step, with the file kept, is the way out. */
  const columnsNotFound = (errors: ReadonlyArray<{ message: string }> | undefined): boolean =>
    (errors ?? []).some((e) => /colonnes? (obligatoires? |de la correspondance )?introuvables?/i.test(e.message));
  const retryWithMapping = () => {
    setSubmissionId(null);
    setRound(0);
    setMapping(mapping ?? EMPTY_MAPPING);
  };
  const apply = async (confirmOverwrite: boolean) => {
    if (!submissionId || !dataProvider.apiPost) return;
    setConfirming(false);
    setBusy(true);
    try {
      await dataProvider.apiPost(`/submissions/${encodeURIComponent(submissionId)}/apply`, { confirmOverwrite });
      setRound((r) => r + 1);
    } catch (err) {
      notify(errorText(err, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const discard = async () => {
    if (!submissionId || !dataProvider.apiPost) return;
    try {
      await dataProvider.apiPost(`/submissions/${encodeURIComponent(submissionId)}/discard`, {});
      notify('Aperçu abandonné : rien n’a été enregistré.', { type: 'info' });
      restart();
    } catch (err) {
      notify(errorText(err, translate), { type: 'error' });
    }
  };

  return (
    <Box sx={{ py: 2, maxWidth: 1100 }}>
      <Title title="levier.import.title" />
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('levier.import.title')}
      </Typography>
      <Stepper activeStep={step} sx={{ mb: 3 }} aria-label={translate('levier.import.steps')}>
        {['Choisir le fichier', 'Vérifier l’aperçu', 'Enregistrement'].map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        {step === 0 && submissionId ? (
          <Typography role="status">Lecture du fichier et calcul de l’aperçu…</Typography>
        ) : step === 0 ? (
          <Box component="form" onSubmit={upload}>
            <TemplateDownload />
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('levier.import.help')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}>
              <Button component="label" htmlFor={inputId} variant="outlined" startIcon={<UploadFileIcon />}>
                {translate('levier.import.choose')}
              </Button>
              <input
                id={inputId}
                type="file"
                accept={ACCEPTED}
                onChange={pick}
                data-testid="import-file"
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
              />
              <Typography variant="body2" aria-live="polite">
                {file
                  ? translate('levier.import.chosen', {
                      name: file.name,
                      size: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(file.size / 1024),
                    })
                  : translate('levier.import.none')}
              </Typography>
            </Box>
            {tooBig ? (
              <Alert severity="error" sx={{ mb: 2 }}>
                {translate('levier.import.too_big')}
              </Alert>
            ) : null}
            {wrongType ? (
              <Alert severity="error" sx={{ mb: 2 }}>
                {translate('levier.import.wrong_type')}
              </Alert>
            ) : null}
            <MuiTextField
              select
              size="small"
              label="Modèle d’import (colonnes)"
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              sx={{ minWidth: 320, mb: 2, display: 'flex' }}
              helperText="Sans modèle, les colonnes sont reconnues seules : une ligne par chiffre, ou les mois ou les indicateurs en colonnes, par codes ou libellés."
              slotProps={{ htmlInput: { 'data-testid': 'import-template' } }}
            >
              <MenuItem value="">Reconnaissance automatique</MenuItem>
              {templates.map((t) => (
                <MenuItem key={t.id} value={t.id}>
                  {t.name}
                </MenuItem>
              ))}
            </MuiTextField>
            {mapping ? (
              <>
                {sheets.length > 1 ? (
                  <MuiTextField
                    select
                    size="small"
                    label="Feuille à lire pour les titres"
                    value={String(inspection?.sheet ?? 0)}
                    onChange={(e) => {
                      const index = Number(e.target.value);
                      setInspection((i) => (i ? { ...i, sheet: index } : i));
                      setMapping(mappingFromInspection(sheets[index], mapping));
                    }}
                    sx={{ minWidth: 320, mb: 2, display: 'flex' }}
                    helperText="La correspondance vaut pour toutes les feuilles du classeur qui ont ces titres."
                  >
                    {sheets.map((s, i) => (
                      <MenuItem key={s.name ?? i} value={String(i)}>
                        {s.name ?? `Feuille ${i + 1}`}
                      </MenuItem>
                    ))}
                  </MuiTextField>
                ) : null}
                {file && !sheet && inspection?.file !== file ? <Typography role="status">Lecture des colonnes du fichier…</Typography> : null}
                <ColumnMapping value={mapping} onChange={setMapping} inspection={sheet} />
              </>
            ) : (
              <Button sx={{ mb: 2, display: 'flex' }} onClick={() => setMapping(EMPTY_MAPPING)} data-testid="open-mapping">
                Indiquer les colonnes moi-même
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={!file || uploading || tooBig || wrongType}>
              Voir l’aperçu
            </Button>
          </Box>
        ) : step === 1 && state?.preview ? (
          <>
            <SubmissionPreview preview={state.preview} fileName={state.fileName ?? null} submissionId={state.id} />
            <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
              <Button
                variant="contained"
                disabled={busy || state.preview.errors.length > 0}
                onClick={() => (changedCount > 0 ? setConfirming(true) : void apply(false))}
                data-testid="apply-preview"
              >
                Appliquer
              </Button>
              {columnsNotFound(state.preview.errors) ? (
                <Button variant="outlined" data-testid="retry-with-mapping" onClick={retryWithMapping}>
                  Indiquer les colonnes et réessayer
                </Button>
              ) : null}
              <Button onClick={() => void discard()} data-testid="discard-preview">
                Abandonner
              </Button>
            </Box>
            <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="overwrite-title">
              <DialogTitle id="overwrite-title">Remplacer des valeurs déjà saisies ?</DialogTitle>
              <DialogContent>
                <DialogContentText>
                  Ce fichier remplace {changedCount} valeur{changedCount > 1 ? 's' : ''} déjà saisie{changedCount > 1 ? 's' : ''} (listée
                  {changedCount > 1 ? 's' : ''} dans l’aperçu, avant → après). L’ancienne valeur reste visible dans l’historique de chaque chiffre.
                </DialogContentText>
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setConfirming(false)}>Annuler</Button>
                <Button variant="contained" onClick={() => void apply(true)} data-testid="confirm-overwrite">
                  Remplacer {changedCount} valeur{changedCount > 1 ? 's' : ''}
                </Button>
              </DialogActions>
            </Dialog>
          </>
        ) : (
          <>
            {error ? <Alert severity="warning">{errorText(error, translate)}</Alert> : null}
            {state ? <SubmissionReport state={state} /> : <Typography role="status">{translate('levier.import.waiting')}</Typography>}
            {step === 2 ? (
              <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
                {state?.status === 'rejected' && columnsNotFound(state.errors) ? (
                  <Button variant="contained" data-testid="retry-with-mapping" onClick={retryWithMapping}>
                    Indiquer les colonnes et réessayer
                  </Button>
                ) : null}
                <Button variant="contained" onClick={restart}>
                  {translate('levier.import.another')}
                </Button>
                <Button component={RouterLink} to="/">
                  {translate('levier.import.to_dashboard')}
                </Button>
                {submissionId ? (
                  <Button component={RouterLink} to={`/submissions/${submissionId}/show`}>
                    {translate('levier.import.to_submission')}
                  </Button>
                ) : null}
              </Box>
            ) : null}
          </>
        )}
      </Paper>
    </Box>
  );
};

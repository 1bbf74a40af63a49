import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Paper, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { errorText } from '../dashboard/error-text';
import type { LevierDataProvider } from '../dataProvider';
import { SubmissionReport } from './SubmissionReport';
import { isFinished, useSubmissionPolling } from './submission-status';

export const ACCEPTED = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 20 * 1024 * 1024;

/** Import wizard: choose a CSV/XLSX file, upload it (multipart), follow its progress, read row errors and outlier flags. */
export const ImportWizard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const { state, error } = useSubmissionPolling(submissionId);
  const step = !submissionId ? 0 : !isFinished(state) ? 1 : 2;

  useEffect(() => {
    if (state?.status === 'applied') void queryClient.invalidateQueries({ queryKey: ['indicators'] });
  }, [state?.status, queryClient]);

  const pick = (e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null);
  const tooBig = file !== null && file.size > MAX_BYTES;
  const wrongType = file !== null && !/\.(csv|xlsx)$/i.test(file.name);

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !dataProvider.apiPost || tooBig || wrongType) return;
    setUploading(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const { json } = await dataProvider.apiPost<{ id: string }>('/submissions', body);
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
  };

  return (
    <Box sx={{ py: 2, maxWidth: 1100 }}>
      <Title title="levier.import.title" />
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('levier.import.title')}
      </Typography>
      <Stepper activeStep={step} sx={{ mb: 3 }} aria-label={translate('levier.import.steps')}>
        {['choose', 'progress', 'done'].map((s) => (
          <Step key={s}>
            <StepLabel>{translate(`levier.import.step_${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        {step === 0 ? (
          <Box component="form" onSubmit={upload}>
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
            <Button type="submit" variant="contained" disabled={!file || uploading || tooBig || wrongType}>
              {translate('levier.import.upload')}
            </Button>
          </Box>
        ) : (
          <>
            {error ? <Alert severity="warning">{errorText(error, translate)}</Alert> : null}
            {state ? <SubmissionReport state={state} /> : <Typography role="status">{translate('levier.import.waiting')}</Typography>}
            {step === 2 ? (
              <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
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

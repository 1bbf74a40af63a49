import PreviewIcon from '@mui/icons-material/Preview';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';

interface Preview {
  period: string;
  subject: string;
  html: string;
}

/** « Aperçu du rapport »: the e-mail rendered by the API under the caller's rights, shown in the browser; nothing is sent. */
export const ReportPreviewButton = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'report-subscriptions', action: 'show', record });
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  if (!record || !canAccess || !dataProvider.apiGet) return null;
  const show = async () => {
    setOpen(true);
    setPreview(null);
    setFailed(null);
    try {
      setPreview(await dataProvider.apiGet!<Preview>(`/report-subscriptions/${record.id}/preview`));
    } catch (error) {
      setFailed(error instanceof Error ? error.message : translate('levier.report_preview.failed'));
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<PreviewIcon />} onClick={() => void show()} data-testid="report-preview">
        {translate('levier.report_preview.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth aria-labelledby="report-preview-title">
        <DialogTitle id="report-preview-title">{translate('levier.report_preview.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {translate('levier.report_preview.help')}
          </Typography>
          {failed ? <Alert severity="error">{failed}</Alert> : null}
          {!preview && !failed ? <CircularProgress size={24} aria-label={translate('levier.dashboard.loading')} /> : null}
          {preview ? (
            <>
              <Typography variant="subtitle2" data-testid="report-preview-subject">
                {preview.subject}
              </Typography>
              {/* sandboxed: the e-mail's HTML never runs script nor reaches the app */}
              <iframe
                title={translate('levier.report_preview.frame')}
                srcDoc={preview.html}
                sandbox=""
                style={{ width: '100%', height: 560, border: '1px solid #dde2e8', borderRadius: 4, marginTop: 8 }}
                data-testid="report-preview-frame"
              />
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('levier.report_preview.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

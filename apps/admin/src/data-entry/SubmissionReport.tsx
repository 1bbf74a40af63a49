import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { progressOf, type SubmissionState } from './submission-status';
import { SubmissionProgressBar } from './SubmissionProgressBar';
import { ErrorReportDownload } from './ImportFileDownloads';
import { SubmissionErrorsTable, SubmissionFlagsTable } from '../submissions/SubmissionIssueTables';

/** Status, progress, row errors and outlier flags of a submission (grid or import). */
export const SubmissionReport = ({ state }: { state: SubmissionState }) => {
  const translate = useTranslate();
  const progress = progressOf(state);
  const errors = state.errors ?? [];
  const flags = state.flags ?? [];
  return (
    <Box data-testid="submission-report" aria-live="polite">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('levier.import.status', { status: translate(`levier.enums.submission_status.${state.status}`, { _: state.status }) })}
        {state.rowCount !== null && state.rowCount !== undefined
          ? ` — ${translate('levier.import.counts', { processed: state.processedCount ?? 0, rows: state.rowCount, applied: state.appliedCount ?? 0 })}`
          : null}
      </Typography>
      {progress ? <SubmissionProgressBar progress={progress} /> : null}
      {state.status === 'applied' ? (
        <Alert severity={errors.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
          {translate('levier.import.applied', { count: state.appliedCount ?? 0 })}
        </Alert>
      ) : null}
      {state.status === 'rejected' ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('levier.import.rejected', { count: errors.length })}
        </Alert>
      ) : null}
      {errors.length > 0 ? <ErrorReportDownload submissionId={state.id} /> : null}
      {errors.length > 0 ? <SubmissionErrorsTable errors={errors} /> : null}
      {flags.length > 0 ? <SubmissionFlagsTable flags={flags} /> : null}
    </Box>
  );
};

import { Alert, Box, LinearProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { progressOf, type SubmissionState } from './submission-status';

const cell = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

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
      {state.status !== 'applied' && state.status !== 'rejected' ? (
        <LinearProgress
          variant={progress === null ? 'indeterminate' : 'determinate'}
          value={progress ?? undefined}
          aria-label={translate('levier.import.progress')}
          sx={{ mb: 2 }}
        />
      ) : null}
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
      {errors.length > 0 ? (
        <TableContainer sx={{ maxHeight: 360, mb: 2 }} tabIndex={0}>
          <Table size="small" stickyHeader aria-label={translate('levier.submissions.errors')} data-testid="row-errors">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0', fontWeight: 600 }}>{translate('levier.submissions.errors')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{translate('levier.submissions.line')}</TableCell>
                <TableCell scope="col">{translate('levier.submissions.column')}</TableCell>
                <TableCell scope="col">{translate('levier.submissions.value')}</TableCell>
                <TableCell scope="col">{translate('levier.submissions.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {errors.map((e, i) => (
                <TableRow key={i}>
                  <TableCell>{cell(e.line)}</TableCell>
                  <TableCell>{cell(e.column)}</TableCell>
                  <TableCell>{cell(e.value)}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {flags.length > 0 ? (
        <TableContainer sx={{ maxHeight: 300 }} tabIndex={0}>
          <Table size="small" stickyHeader aria-label={translate('levier.submissions.flags')} data-testid="row-flags">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0', fontWeight: 600 }}>{translate('levier.submissions.flags')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{translate('levier.submissions.line')}</TableCell>
                <TableCell scope="col">{translate('levier.submissions.kind')}</TableCell>
                <TableCell scope="col">{translate('levier.submissions.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {flags.map((f, i) => (
                <TableRow key={i}>
                  <TableCell>{cell(f.line)}</TableCell>
                  <TableCell>{cell(f.kind)}</TableCell>
                  <TableCell>{f.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
};

import { Alert, Box, List, ListItem, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SubmissionState } from './submission-status';

/**
 * The outcome of a grid save, in the grid's own words (never a file's « ligne », « colonne value » or « corrigez le
 * fichier »): saved with its count, or refused with each reason named by its cell; values to check named the same way.
 */
export const GridSaveReport = ({ state, cellOfLine }: { state: SubmissionState; cellOfLine: (line: number) => string | null }) => {
  const translate = useTranslate();
  const errors = state.errors ?? [];
  const flags = state.flags ?? [];
  const where = (line: number | null) => (line === null ? null : cellOfLine(line));
  return (
    <Box data-testid="grid-save-report" aria-live="polite">
      {state.status === 'applied' ? (
        <Alert severity="success" sx={{ mb: 2 }}>
          {translate('levier.month_end.grid.saved', { smart_count: state.appliedCount ?? 0 })}
        </Alert>
      ) : null}
      {state.status === 'rejected' ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('levier.month_end.grid.refused', { smart_count: Math.max(errors.length, 1) })}
          <List dense disablePadding>
            {errors.map((e, i) => (
              <ListItem key={i} disableGutters sx={{ py: 0 }}>
                {where(e.line) ? `${where(e.line)} : ${e.message}` : e.message}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : null}
      {state.status !== 'applied' && state.status !== 'rejected' && state.status !== 'previewed' && state.status !== 'discarded' ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('levier.month_end.grid.saving')}
        </Typography>
      ) : null}
      {flags.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('levier.month_end.grid.flagged')}
          <List dense disablePadding>
            {flags.map((f, i) => (
              <ListItem key={i} disableGutters sx={{ py: 0 }}>
                {where(f.line) ? `${where(f.line)} : ${f.message}` : f.message}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : null}
    </Box>
  );
};

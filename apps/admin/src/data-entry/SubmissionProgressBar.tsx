import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SubmissionProgress } from './submission-status';

/** Label key of a progress: its phase, with the percent when known. */
const labelKey = ({ phase, percent }: SubmissionProgress): string =>
  phase === 'waiting' ? 'levier.import.progress_waiting' : percent === null ? `levier.import.progress_${phase}_running` : `levier.import.progress_${phase}`;

/** Bar of an unfinished submission: determinate with the phase's percent, indeterminate while waiting or when unknown. */
export const SubmissionProgressBar = ({ progress }: { progress: SubmissionProgress }) => {
  const translate = useTranslate();
  const determinate = progress.phase !== 'waiting' && progress.percent !== null;
  const label = translate(labelKey(progress), { percent: progress.percent ?? 0 });
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {label}
      </Typography>
      <LinearProgress
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={determinate ? (progress.percent ?? 0) : undefined}
        aria-label={translate('levier.import.progress')}
        aria-valuetext={label}
      />
    </Box>
  );
};

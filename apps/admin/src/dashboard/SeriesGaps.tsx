import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Under the series: how many of its periods show no value, and why (counts from the API's list of periods). */
export const SeriesGaps = ({ no_data, unapproved }: { no_data: number; unapproved: number }) => {
  const translate = useTranslate();
  const parts = [
    ...(unapproved > 0 ? [translate('levier.chart.gaps_unapproved', { smart_count: unapproved })] : []),
    ...(no_data > 0 ? [translate('levier.chart.gaps_no_data', { smart_count: no_data })] : []),
  ];
  if (parts.length === 0) return null;
  return (
    <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }} data-testid="series-gaps">
      {parts.join(' ; ')}.
    </Typography>
  );
};

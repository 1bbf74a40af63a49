import { CircularProgress } from '@mui/material';
import { RefreshIconButton, useLoading, useTranslate } from 'react-admin';

/** react-admin's loading indicator with an accessible name (WCAG: a progressbar must be named), else the refresh button. */
export const LabelledLoadingIndicator = () => {
  const loading = useLoading();
  const translate = useTranslate();
  return loading ? (
    <CircularProgress color="inherit" size={18} thickness={2} sx={{ m: 1.5 }} aria-label={translate('ra.page.loading')} />
  ) : (
    <RefreshIconButton />
  );
};

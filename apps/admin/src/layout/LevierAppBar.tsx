import { Box, Typography } from '@mui/material';
import { AppBar, TitlePortal, useGetIdentity } from 'react-admin';
import { LabelledLoadingIndicator } from './LabelledLoadingIndicator';
import { LocaleSwitcher } from './LocaleSwitcher';
import { LevierUserMenu } from './LevierUserMenu';

/** Page title, the user's organisation, the language switcher (fr / en) and the refresh button. */
export const LevierAppBar = () => {
  const { identity } = useGetIdentity();
  const organisation = (identity?.organisation as { name?: string } | undefined)?.name;
  return (
    <AppBar
      color="primary"
      userMenu={<LevierUserMenu />}
      toolbar={
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <LocaleSwitcher />
          <LabelledLoadingIndicator />
        </Box>
      }
    >
      <TitlePortal />
      {organisation ? (
        <Typography variant="body2" component="span" sx={{ mr: 2, opacity: 0.9, display: { xs: 'none', md: 'inline' } }}>
          {organisation}
        </Typography>
      ) : null}
    </AppBar>
  );
};

import { Box, Typography } from '@mui/material';
import { AppBar, TitlePortal } from 'react-admin';
import { LabelledLoadingIndicator } from './LabelledLoadingIndicator';
import { LocaleSwitcher } from './LocaleSwitcher';
import { LevierUserMenu } from './LevierUserMenu';
import { useProfile } from './use-profile';

/** Page title, the user's organisation, the language switcher (fr / en) and the refresh button. */
export const LevierAppBar = () => {
  // the organisation's name from /api/auth/me (the session's identity may not carry it)
  const { identity, profile } = useProfile();
  const organisation = profile?.organisation.name ?? (identity?.organisation as { name?: string } | undefined)?.name;
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
        <Typography
          variant="body2"
          component="span"
          sx={{
            mr: 2,
            fontWeight: 600,
            display: { xs: 'none', sm: 'inline' },
            maxWidth: 320,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
          title={organisation}
          data-testid="app-bar-organisation"
        >
          {organisation}
        </Typography>
      ) : null}
    </AppBar>
  );
};

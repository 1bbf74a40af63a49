import LockIcon from '@mui/icons-material/Lock';
import { Box, Button, CircularProgress, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Title, useCanAccess, usePermissions, useTranslate } from 'react-admin';
import type { RoleAssignment } from './auth.types';

/** « Accès réservé »: what the page is for, who may use it, and the way back — instead of a form the server would refuse. */
export const AccessDeniedPage = ({ holders }: { holders: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<RoleAssignment[]>();
  const roles = [...new Set((permissions ?? []).map((r) => translate(`levier.role_names.${r.role}`)))].join(', ');
  return (
    <Box sx={{ py: 4, display: 'flex', justifyContent: 'center' }} data-testid="access-denied">
      <Title title="levier.access.title" />
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 640 }}>
        <Typography component="h1" variant="h5" sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
          <LockIcon aria-hidden />
          {translate('levier.access.title')}
        </Typography>
        <Typography sx={{ mb: 3 }}>{translate('levier.access.body', { holders, roles })}</Typography>
        <Button component={Link} to="/" variant="contained">
          {translate('levier.access.back')}
        </Button>
      </Paper>
    </Box>
  );
};

/**
 * A custom route (data entry, import) reachable only with the right to act there: the same rules as the menu and the
 * API (auth/can-access.ts, from the generated role policy of @levier/contracts); anyone else lands on « Accès réservé » and never sees the page's buttons.
 */
export const RestrictedRoute = ({ resource, action, holdersKey, children }: { resource: string; action: string; holdersKey: string; children: ReactNode }) => {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource, action });
  if (isPending) return <CircularProgress size={24} sx={{ m: 4 }} aria-label={translate('ra.page.loading')} />;
  return canAccess ? <>{children}</> : <AccessDeniedPage holders={translate(holdersKey)} />;
};

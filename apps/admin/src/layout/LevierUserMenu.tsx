import { Box, Divider, Typography } from '@mui/material';
import { Logout, UserMenu, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { RoleAssignment } from '../auth/auth.types';

/** « Qui suis-je » : the user's name, organisation and roles in French (each role on its unit, or the whole organisation). */
export const LevierUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<RoleAssignment[]>();
  const organisation = (identity?.organisation as { name?: string } | undefined)?.name;
  const roles = (Array.isArray(permissions) ? permissions : [])
    .map((r) =>
      translate('levier.user_menu.on_unit', { role: translate(`levier.role_names.${r.role}`), unit: r.orgUnit ?? translate('levier.user_menu.whole') }),
    )
    .join(' ; ');
  return (
    <UserMenu>
      <Box sx={{ px: 2, py: 1, maxWidth: 340 }} data-testid="who-am-i">
        <Typography variant="subtitle2" component="p" sx={{ fontWeight: 700 }}>
          {identity?.fullName}
        </Typography>
        {typeof identity?.email === 'string' ? (
          <Typography variant="body2" component="p" sx={{ color: 'text.secondary' }}>
            {identity.email}
          </Typography>
        ) : null}
        {organisation ? (
          <Typography variant="body2" component="p">
            {translate('levier.user_menu.organisation', { name: organisation })}
          </Typography>
        ) : null}
        {roles ? (
          <Typography variant="body2" component="p" data-testid="who-am-i-roles">
            {translate('levier.user_menu.roles', { roles })}
          </Typography>
        ) : null}
      </Box>
      <Divider />
      <Logout />
    </UserMenu>
  );
};

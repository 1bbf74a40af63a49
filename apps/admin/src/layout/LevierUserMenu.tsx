import { Box, Divider, Typography } from '@mui/material';
import { Logout, UserMenu, useGetList, useTranslate } from 'react-admin';
import { useProfile } from './use-profile';

/** « Qui suis-je » : the user's name, organisation and roles in French (each role on its unit, or the whole organisation). */
export const LevierUserMenu = () => {
  const translate = useTranslate();
  const { identity, profile: me } = useProfile();
  const units = useGetList<{ id: string; name: string }>('org-units', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } });
  const unitName = (id: string | null): string =>
    id === null ? translate('levier.user_menu.whole') : ((units.data ?? []).find((u) => u.id === id)?.name ?? translate('levier.user_menu.unit'));
  const roles = (me?.roles ?? [])
    .map((r) => translate('levier.user_menu.on_unit', { role: translate(`levier.role_names.${r.role}`), unit: unitName(r.orgUnitId) }))
    .join(' ; ');
  return (
    <UserMenu>
      <Box sx={{ px: 2, py: 1, maxWidth: 360 }} data-testid="who-am-i">
        <Typography variant="subtitle2" component="p" sx={{ fontWeight: 700 }}>
          {me?.displayName ?? identity?.fullName}
        </Typography>
        <Typography variant="body2" component="p" sx={{ color: 'text.secondary' }}>
          {me?.email ?? (typeof identity?.email === 'string' ? identity.email : '')}
        </Typography>
        {me?.organisation ? (
          <Typography variant="body2" component="p">
            {translate('levier.user_menu.organisation', { name: me.organisation.name })}
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

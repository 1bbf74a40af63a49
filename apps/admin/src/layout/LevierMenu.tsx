import EditNoteIcon from '@mui/icons-material/EditNote';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import TuneIcon from '@mui/icons-material/Tune';
import DescriptionIcon from '@mui/icons-material/Description';
import { Divider, ListSubheader } from '@mui/material';
import type { ReactElement } from 'react';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess } from '../auth/can-access';
import type { RoleAssignment } from '../auth/auth.types';
import { visibleSections } from './menu-sections';
import { useSimulationText } from '../simulations/messages';
import { QueueBoardMenuItem } from '../operations/QueueBoardMenuItem';

/**
 * Dashboard, then the resources grouped by section, only those the user's roles can list.
 * Children stay flat (no fragments) so MUI's MenuList keeps its arrow-key navigation.
 */
export const LevierMenu = () => {
  const translate = useTranslate();
  const { t: simulationText } = useSimulationText();
  const [open] = useSidebarState();
  const { permissions, isPending } = usePermissions<RoleAssignment[]>();
  const sections = isPending ? [] : visibleSections(Array.isArray(permissions) ? permissions : []);
  const items: ReactElement[] = [<Menu.DashboardItem key="dashboard" />];
  // the lever simulator (issue 18): finance, director and admin roles, as the API allows
  if (!isPending && Array.isArray(permissions) && permissions.some((r) => ['admin', 'finance', 'director'].includes(r.role))) {
    items.push(<Menu.Item key="simulations" to="/simulations" primaryText={simulationText('menu')} leftIcon={<TuneIcon />} />);
  }
  for (const section of sections) {
    items.push(<Divider key={`${section.label}-divider`} component="li" sx={{ my: 0.5 }} />);
    if (open) {
      items.push(
        <ListSubheader
          key={`${section.label}-heading`}
          component="li"
          role="none"
          disableSticky
          sx={{ lineHeight: '2rem', bgcolor: 'transparent', color: 'text.secondary', fontWeight: 600 }}
        >
          {translate(section.label)}
        </ListSubheader>,
      );
    }
    if (section.label === 'levier.menu.data') {
      const roles = Array.isArray(permissions) ? permissions : [];
      if (canAccess(roles, 'figures', 'edit'))
        items.push(<Menu.Item key="entry" to="/saisie" primaryText={translate('levier.menu.entry')} leftIcon={<EditNoteIcon />} />);
      if (canAccess(roles, 'submissions', 'create'))
        items.push(<Menu.Item key="import" to="/import" primaryText={translate('levier.menu.import')} leftIcon={<UploadFileIcon />} />);
    }
    for (const name of section.resources) items.push(<Menu.ResourceItem key={name} name={name} />);
    if (section.label === 'levier.menu.reports')
      items.push(<Menu.Item key="documents" to="/documents" primaryText={translate('levier.documents.title')} leftIcon={<DescriptionIcon />} />);
  }
  // instance operators only (the item renders nothing for anyone else): Bull Board in a new tab
  items.push(<QueueBoardMenuItem key="queues" />);
  return <Menu>{items}</Menu>;
};

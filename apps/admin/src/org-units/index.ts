import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { OrgUnitCreate, OrgUnitEdit, OrgUnitList, OrgUnitShow } from './OrgUnitViews';

export default {
  list: OrgUnitList,
  show: OrgUnitShow,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};

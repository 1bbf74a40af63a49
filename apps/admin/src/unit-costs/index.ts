import EuroIcon from '@mui/icons-material/Euro';
import { UnitCostCreate, UnitCostEdit, UnitCostList, UnitCostShow } from './UnitCostViews';

export default {
  list: UnitCostList,
  show: UnitCostShow,
  edit: UnitCostEdit,
  create: UnitCostCreate,
  icon: EuroIcon,
  recordRepresentation: 'label',
};

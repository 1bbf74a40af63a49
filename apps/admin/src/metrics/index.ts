import StraightenIcon from '@mui/icons-material/Straighten';
import { MetricCreate, MetricEdit, MetricList, MetricShow } from './MetricViews';

export default {
  list: MetricList,
  show: MetricShow,
  edit: MetricEdit,
  create: MetricCreate,
  icon: StraightenIcon,
  recordRepresentation: 'label',
};

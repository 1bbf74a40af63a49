import FunctionsIcon from '@mui/icons-material/Functions';
import { CustomIndicatorCreate, CustomIndicatorEdit, CustomIndicatorList, CustomIndicatorShow } from './CustomIndicatorViews';

export default {
  list: CustomIndicatorList,
  show: CustomIndicatorShow,
  edit: CustomIndicatorEdit,
  create: CustomIndicatorCreate,
  icon: FunctionsIcon,
  recordRepresentation: 'label',
};

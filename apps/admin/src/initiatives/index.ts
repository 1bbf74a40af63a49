import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { InitiativeCreate, InitiativeEdit, InitiativeList, InitiativeShow } from './InitiativeViews';

export default {
  list: InitiativeList,
  show: InitiativeShow,
  edit: InitiativeEdit,
  create: InitiativeCreate,
  icon: LightbulbIcon,
  recordRepresentation: (record: { title?: string }) => record.title ?? '',
};

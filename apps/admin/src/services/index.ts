import MedicalServicesIcon from '@mui/icons-material/MedicalServices';
import { ServiceCreate, ServiceEdit, ServiceList, ServiceShow } from './ServiceViews';

export default {
  list: ServiceList,
  show: ServiceShow,
  edit: ServiceEdit,
  create: ServiceCreate,
  icon: MedicalServicesIcon,
  recordRepresentation: 'label',
};

import PaymentsIcon from '@mui/icons-material/Payments';
import { ServiceFundingCreate, ServiceFundingEdit, ServiceFundingList, ServiceFundingShow } from './ServiceFundingViews';

export default {
  list: ServiceFundingList,
  show: ServiceFundingShow,
  edit: ServiceFundingEdit,
  create: ServiceFundingCreate,
  icon: PaymentsIcon,
  recordRepresentation: (record: { serviceLabel?: string; year?: number }) => `${record.serviceLabel ?? ''} ${record.year ?? ''}`.trim(),
};

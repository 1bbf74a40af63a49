import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { ReportDeliveryList, ReportSubscriptionCreate, ReportSubscriptionEdit, ReportSubscriptionList, ReportSubscriptionShow } from './ReportViews';

export const reportSubscriptions = {
  list: ReportSubscriptionList,
  show: ReportSubscriptionShow,
  edit: ReportSubscriptionEdit,
  create: ReportSubscriptionCreate,
  icon: ForwardToInboxIcon,
  recordRepresentation: 'name',
};
export const reportDeliveries = { list: ReportDeliveryList, icon: MarkEmailReadIcon };

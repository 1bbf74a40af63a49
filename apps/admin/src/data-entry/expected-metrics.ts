import ChecklistIcon from '@mui/icons-material/Checklist';
import { ExpectedMetricsEdit, ExpectedMetricsList } from './ExpectedMetricsViews';

/** The `expected-metrics` resource: service → the metrics it reports (list for all, edit for admins). */
export default {
  list: ExpectedMetricsList,
  edit: ExpectedMetricsEdit,
  icon: ChecklistIcon,
  recordRepresentation: 'serviceLabel',
};

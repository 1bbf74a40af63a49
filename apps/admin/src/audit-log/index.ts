import HistoryIcon from '@mui/icons-material/History';
import { AuditLogList, AuditLogShow } from './AuditLogViews';

export default { list: AuditLogList, show: AuditLogShow, icon: HistoryIcon };

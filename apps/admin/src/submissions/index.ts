import InboxIcon from '@mui/icons-material/MoveToInbox';
import { SubmissionList, SubmissionShow } from './SubmissionViews';

export default { list: SubmissionList, show: SubmissionShow, icon: InboxIcon };

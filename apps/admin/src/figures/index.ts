import TableChartIcon from '@mui/icons-material/TableChart';
import { FigureEdit, FigureList, FigureShow } from './FigureViews';

export default { list: FigureList, show: FigureShow, edit: FigureEdit, icon: TableChartIcon };

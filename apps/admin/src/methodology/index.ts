import EventNoteIcon from '@mui/icons-material/EventNote';
import PercentIcon from '@mui/icons-material/Percent';
import ScienceIcon from '@mui/icons-material/Science';
import {
  MethodologyVersionCreate,
  MethodologyVersionList,
  MethodologyVersionShow,
  OutcomeAssumptionCreate,
  OutcomeAssumptionEdit,
  OutcomeAssumptionList,
  OutcomeAssumptionShow,
  PriceIndexCreate,
  PriceIndexEdit,
  PriceIndexList,
  PriceIndexShow,
} from './MethodologyViews';

export const outcomeAssumptions = {
  list: OutcomeAssumptionList,
  show: OutcomeAssumptionShow,
  edit: OutcomeAssumptionEdit,
  create: OutcomeAssumptionCreate,
  icon: ScienceIcon,
  recordRepresentation: 'code',
};
export const priceIndices = {
  list: PriceIndexList,
  show: PriceIndexShow,
  edit: PriceIndexEdit,
  create: PriceIndexCreate,
  icon: PercentIcon,
  recordRepresentation: 'year',
};
export const methodologyVersions = {
  list: MethodologyVersionList,
  show: MethodologyVersionShow,
  create: MethodologyVersionCreate,
  icon: EventNoteIcon,
  recordRepresentation: 'label',
};

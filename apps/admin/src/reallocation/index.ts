import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import * as V from './ReallocationViews';
import { BudgetYearCreate, BudgetYearEdit, BudgetYearList, BudgetYearShow } from './BudgetYearViews';

export const staffNeeds = {
  list: V.StaffNeedList,
  show: V.StaffNeedShow,
  edit: V.StaffNeedEdit,
  create: V.StaffNeedCreate,
  icon: AssignmentLateIcon,
  recordRepresentation: 'code',
};
export const redeployments = {
  list: V.RedeploymentList,
  show: V.RedeploymentShow,
  edit: V.RedeploymentEdit,
  create: V.RedeploymentCreate,
  icon: SwapHorizIcon,
  recordRepresentation: 'agentRef',
};
export const budgetTransfers = {
  list: V.BudgetTransferList,
  show: V.BudgetTransferShow,
  edit: V.BudgetTransferEdit,
  create: V.BudgetTransferCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: 'code',
};
export const inKindLoans = {
  list: V.InKindLoanList,
  show: V.InKindLoanShow,
  edit: V.InKindLoanEdit,
  create: V.InKindLoanCreate,
  icon: HandshakeIcon,
  recordRepresentation: 'code',
};
export const budgetYears = {
  list: BudgetYearList,
  show: BudgetYearShow,
  edit: BudgetYearEdit,
  create: BudgetYearCreate,
  icon: RequestQuoteIcon,
  recordRepresentation: 'year',
};

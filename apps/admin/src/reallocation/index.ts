import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import * as V from './ReallocationViews';

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

import { BudgetTransfer } from './budget-transfer.entity';
import { InKindLoan } from './in-kind-loan.entity';
import { Redeployment } from './redeployment.entity';
import { StaffNeed } from './staff-need.entity';

/** Codes of the records a reallocation row points to, by id. */
export interface ReallocationRefs {
  services: ReadonlyMap<string, string>;
  orgUnits: ReadonlyMap<string, string>;
  needs: ReadonlyMap<string, string>;
}

const code = (map: ReadonlyMap<string, string>, id: string | null): string | null => (id === null ? null : (map.get(id) ?? null));

export interface StaffNeedResponse {
  id: string;
  code: string;
  label: string;
  critical: boolean;
  fteDaysRequested: string;
  service: string | null;
  orgUnit: string | null;
  requestDate: string;
}

export const toStaffNeedResponse = (n: StaffNeed, refs: ReallocationRefs): StaffNeedResponse => ({
  id: n.id,
  code: n.code,
  label: n.label,
  critical: n.critical,
  fteDaysRequested: n.fteDaysRequested.toFixed(),
  service: code(refs.services, n.serviceId),
  orgUnit: code(refs.orgUnits, n.orgUnitId),
  requestDate: n.requestDate,
});

export interface RedeploymentResponse {
  id: string;
  agentRef: string;
  need: string | null;
  fromService: string | null;
  toService: string | null;
  toPartner: string | null;
  workingDays: string;
  quotite: string;
  requestDate: string;
  startDate: string;
  volunteer: boolean;
  dailyCost: string | null;
}

export const toRedeploymentResponse = (r: Redeployment, refs: ReallocationRefs): RedeploymentResponse => ({
  id: r.id,
  agentRef: r.agentRef,
  need: code(refs.needs, r.needId),
  fromService: code(refs.services, r.fromServiceId),
  toService: code(refs.services, r.toServiceId),
  toPartner: r.toPartner,
  workingDays: r.workingDays.toFixed(),
  quotite: r.quotite.toFixed(),
  requestDate: r.requestDate,
  startDate: r.startDate,
  volunteer: r.volunteer,
  dailyCost: r.dailyCost?.toFixed() ?? null,
});

export interface BudgetTransferResponse {
  id: string;
  code: string;
  instrument: string;
  section: string;
  fromChapter: string;
  fromFunction: string | null;
  toChapter: string;
  toFunction: string | null;
  amount: string;
  decisionDate: string;
}

export const toBudgetTransferResponse = (t: BudgetTransfer): BudgetTransferResponse => ({
  id: t.id,
  code: t.code,
  instrument: t.instrument,
  section: t.section,
  fromChapter: t.fromChapter,
  fromFunction: t.fromFunction,
  toChapter: t.toChapter,
  toFunction: t.toFunction,
  amount: t.amount.toFixed(),
  decisionDate: t.decisionDate,
});

export interface InKindLoanResponse {
  id: string;
  code: string;
  item: string;
  toPartner: string;
  days: string;
  quantity: string;
  dailyValue: string;
  startDate: string;
}

export const toInKindLoanResponse = (l: InKindLoan): InKindLoanResponse => ({
  id: l.id,
  code: l.code,
  item: l.item,
  toPartner: l.toPartner,
  days: l.days.toFixed(),
  quantity: l.quantity.toFixed(),
  dailyValue: l.dailyValue.toFixed(),
  startDate: l.startDate,
});

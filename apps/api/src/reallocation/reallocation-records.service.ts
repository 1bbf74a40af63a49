import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { In } from 'typeorm';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { TenantDb } from '../platform/database/tenant-db';
import { stringList } from '../platform/http/list-query';
import { inFilter, invalid } from '../platform/database/tenant-crud';
import { definedFields, RecordDeclaration, TenantRecords } from '../platform/database/tenant-records';
import { BudgetTransfer } from './budget-transfer.entity';
import { InKindLoan } from './in-kind-loan.entity';
import { Redeployment } from './redeployment.entity';
import { StaffNeed } from './staff-need.entity';
import {
  BudgetTransferResponse,
  InKindLoanResponse,
  ReallocationRefs,
  RedeploymentResponse,
  StaffNeedResponse,
  toBudgetTransferResponse,
  toInKindLoanResponse,
  toRedeploymentResponse,
  toStaffNeedResponse,
} from './reallocation.mapper';
import { ReallocationRepository } from './reallocation.repository';
import { assertRecordValid } from './reallocation-record-check';
import { CreateBudgetTransferDto, CreateInKindLoanDto, CreateRedeploymentDto, CreateStaffNeedDto } from './dto/reallocation.dto';

/** Resolves a code to an id in a code map, or a 422 naming the field. */
const idOf = (map: ReadonlyMap<string, string>, code: string | null | undefined, field: string, what: string): string | null => {
  if (code === null || code === undefined) return null;
  const found = [...map.entries()].find(([, c]) => c === code)?.[0];
  if (found === undefined) throw invalid(`${what} inconnu.`, [{ path: field, message: `${what.toLowerCase()} inconnu « ${code} »` }]);
  return found;
};

const staffNeed = (repository: ReallocationRepository): RecordDeclaration<StaffNeed, StaffNeedResponse, CreateStaffNeedDto, ReallocationRefs> => ({
  entity: StaffNeed,
  what: 'Besoin',
  audit: 'staff_need',
  recompute: 'reallocation',
  // services, units and needs are named by code: the organisation's codes, loaded once per call
  context: (em, user) => repository.refs(em, user.organisationId),
  toResponse: toStaffNeedResponse,
  filters: (filter) => {
    const critical = stringList(filter, 'critical');
    return { code: inFilter(filter, 'code'), critical: critical ? In(critical.map((c) => c === 'true')) : undefined };
  },
  defaults: { critical: false, service: null, orgUnit: null },
  apply: (row, dto, { ctx: refs }) => {
    if (dto.code !== undefined) row.code = dto.code;
    if (dto.label !== undefined) row.label = dto.label;
    if (dto.critical !== undefined) row.critical = dto.critical;
    if (dto.fteDaysRequested !== undefined) row.fteDaysRequested = new Decimal(dto.fteDaysRequested);
    if (dto.requestDate !== undefined) row.requestDate = dto.requestDate;
    if (dto.service !== undefined) row.serviceId = idOf(refs.services, dto.service, 'service', 'Service');
    if (dto.orgUnit !== undefined) row.orgUnitId = idOf(refs.orgUnits, dto.orgUnit, 'orgUnit', 'Unité');
    assertRecordValid('needs', { code: row.code, label: row.label, critical: row.critical, fteDaysRequested: row.fteDaysRequested.toFixed() });
  },
  conflict: (row) => `Un besoin de code « ${row.code} » existe déjà.`,
  // the redeployments that answered it stay, without a need
  beforeDelete: async (row, { em, organisationId }) => {
    await em.update(Redeployment, { organisationId, needId: row.id }, { needId: null });
  },
});

const redeployment = (repository: ReallocationRepository): RecordDeclaration<Redeployment, RedeploymentResponse, CreateRedeploymentDto, ReallocationRefs> => ({
  entity: Redeployment,
  what: 'Redéploiement',
  audit: 'redeployment',
  recompute: 'reallocation',
  context: (em, user) => repository.refs(em, user.organisationId),
  toResponse: toRedeploymentResponse,
  filters: (filter, { ctx: refs }) => {
    const needCodes = stringList(filter, 'need', 64);
    const needIds = needCodes ? [...refs.needs.entries()].filter(([, c]) => needCodes.includes(c)).map(([id]) => id) : undefined;
    return { agentRef: inFilter(filter, 'agentRef'), needId: needIds ? In(needIds) : undefined };
  },
  defaults: { quotite: '1', need: null, fromService: null, toService: null, toPartner: null },
  apply: (row, dto, { ctx: refs }) => {
    if (dto.agentRef !== undefined) row.agentRef = dto.agentRef;
    if (dto.need !== undefined) row.needId = idOf(refs.needs, dto.need, 'need', 'Besoin');
    if (dto.fromService !== undefined) row.fromServiceId = idOf(refs.services, dto.fromService, 'fromService', 'Service');
    if (dto.toService !== undefined) row.toServiceId = idOf(refs.services, dto.toService, 'toService', 'Service');
    if (dto.toPartner !== undefined) row.toPartner = dto.toPartner;
    if (dto.workingDays !== undefined) row.workingDays = new Decimal(dto.workingDays);
    if (dto.quotite !== undefined) row.quotite = new Decimal(dto.quotite);
    if (dto.requestDate !== undefined) row.requestDate = dto.requestDate;
    if (dto.startDate !== undefined) row.startDate = dto.startDate;
    if (dto.volunteer !== undefined) row.volunteer = dto.volunteer;
    if (dto.dailyCost !== undefined) row.dailyCost = new Decimal(dto.dailyCost);
    if (row.toServiceId === null && (row.toPartner === null || row.toPartner === undefined)) {
      throw invalid('Destination manquante.', [{ path: 'toService', message: 'indiquez le service d’accueil (toService) ou le partenaire (toPartner)' }]);
    }
    assertRecordValid('redeployments', {
      agent: row.agentRef,
      workingDays: row.workingDays.toFixed(),
      quotite: row.quotite.toFixed(),
      requestDate: row.requestDate,
      startDate: row.startDate,
      volunteer: row.volunteer,
      dailyCost: row.dailyCost?.toFixed() ?? '0',
    });
  },
});

const BUDGET_TRANSFER: RecordDeclaration<BudgetTransfer, BudgetTransferResponse, CreateBudgetTransferDto> = {
  entity: BudgetTransfer,
  what: 'Virement',
  audit: 'budget_transfer',
  recompute: 'reallocation',
  toResponse: toBudgetTransferResponse,
  filters: (filter) => ({ code: inFilter(filter, 'code'), instrument: inFilter(filter, 'instrument') }),
  defaults: { section: 'FONCTIONNEMENT', fromFunction: null, toFunction: null },
  apply: (row, dto) => {
    Object.assign(row, definedFields({ ...dto, amount: undefined }));
    if (dto.amount !== undefined) row.amount = new Decimal(dto.amount);
    assertRecordValid('transfers', {
      code: row.code,
      instrument: row.instrument,
      from: { chapter: row.fromChapter, function: row.fromFunction },
      to: { chapter: row.toChapter, function: row.toFunction },
      amount: row.amount.toFixed(),
    });
  },
  conflict: (row) => `Un virement de code « ${row.code} » existe déjà.`,
};

const IN_KIND_LOAN: RecordDeclaration<InKindLoan, InKindLoanResponse, CreateInKindLoanDto> = {
  entity: InKindLoan,
  what: 'Prêt en nature',
  audit: 'in_kind_loan',
  recompute: 'reallocation',
  toResponse: toInKindLoanResponse,
  filters: (filter) => ({ code: inFilter(filter, 'code') }),
  apply: (row, dto) => {
    if (dto.code !== undefined) row.code = dto.code;
    if (dto.item !== undefined) row.item = dto.item;
    if (dto.toPartner !== undefined) row.toPartner = dto.toPartner;
    if (dto.days !== undefined) row.days = new Decimal(dto.days);
    if (dto.quantity !== undefined) row.quantity = new Decimal(dto.quantity);
    if (dto.dailyValue !== undefined) row.dailyValue = new Decimal(dto.dailyValue);
    if (dto.startDate !== undefined) row.startDate = dto.startDate;
    assertRecordValid('inKindLoans', {
      code: row.code,
      item: row.item,
      toPartner: row.toPartner,
      days: row.days.toFixed(),
      quantity: row.quantity.toFixed(),
      dailyValue: row.dailyValue.toFixed(),
    });
  },
  conflict: (row) => `Un prêt de code « ${row.code} » existe déjà.`,
};

/** Staff needs expressed by the services (director and admin write); deleting one detaches its redeployments. */
@Injectable()
export class StaffNeedsService extends TenantRecords<StaffNeed, StaffNeedResponse, CreateStaffNeedDto, ReallocationRefs> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter, repository: ReallocationRepository) {
    super(staffNeed(repository), tenantDb, writer);
  }
}

/** Agents redeployed towards a service or a partner. */
@Injectable()
export class RedeploymentsService extends TenantRecords<Redeployment, RedeploymentResponse, CreateRedeploymentDto, ReallocationRefs> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter, repository: ReallocationRepository) {
    super(redeployment(repository), tenantDb, writer);
  }
}

/** Budget transfers between chapters (virements, décisions modificatives). */
@Injectable()
export class BudgetTransfersService extends TenantRecords<BudgetTransfer, BudgetTransferResponse, CreateBudgetTransferDto> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter) {
    super(BUDGET_TRANSFER, tenantDb, writer);
  }
}

/** Loans in kind to partners (premises, vehicles, equipment). */
@Injectable()
export class InKindLoansService extends TenantRecords<InKindLoan, InKindLoanResponse, CreateInKindLoanDto> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter) {
    super(IN_KIND_LOAN, tenantDb, writer);
  }
}

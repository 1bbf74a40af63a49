import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager, In } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import {
  auditCopy,
  deleteRecord,
  findOwned,
  findPage,
  guardConstraints,
  idFilter,
  inFilter,
  invalid,
  pageOfRecords,
  recordOf,
  RecordType,
} from '../platform/database/tenant-crud';
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
import { assertRecordValid, ReallocationWriter } from './reallocation.writer';
import {
  CreateBudgetTransferDto,
  CreateInKindLoanDto,
  CreateRedeploymentDto,
  CreateStaffNeedDto,
  UpdateBudgetTransferDto,
  UpdateInKindLoanDto,
  UpdateRedeploymentDto,
  UpdateStaffNeedDto,
} from './dto/reallocation.dto';

type Page<T> = Promise<{ rows: T[]; total: number }>;
const BUDGET_TRANSFER: RecordType<BudgetTransfer, BudgetTransferResponse> = { entity: BudgetTransfer, what: 'Virement', toResponse: toBudgetTransferResponse };
const IN_KIND_LOAN: RecordType<InKindLoan, InKindLoanResponse> = { entity: InKindLoan, what: 'Prêt en nature', toResponse: toInKindLoanResponse };
const defined = <T extends object>(dto: T): Partial<T> =>
  Object.fromEntries(Object.entries(dto).filter(([k, v]) => v !== undefined && k !== 'id')) as Partial<T>;
/** Resolves a code to an id in a code map, or a 422 naming the field. */
const idOf = (map: ReadonlyMap<string, string>, code: string | null | undefined, field: string, what: string): string | null => {
  if (code === null || code === undefined) return null;
  const found = [...map.entries()].find(([, c]) => c === code)?.[0];
  if (found === undefined) throw invalid(`${what} inconnu.`, [{ path: field, message: `${what.toLowerCase()} inconnu « ${code} »` }]);
  return found;
};

@Injectable()
export class StaffNeedsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: ReallocationWriter,
    private readonly repository: ReallocationRepository,
  ) {}

  list(user: AuthUser, query: ListQuery<string>): Page<StaffNeedResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const critical = stringList(query.filter, 'critical');
      const page = await findPage(
        em,
        StaffNeed,
        {
          organisationId,
          id: idFilter(query.filter),
          code: inFilter(query.filter, 'code'),
          critical: critical ? In(critical.map((c) => c === 'true')) : undefined,
        },
        query,
      );
      const refs = await this.repository.refs(em, organisationId);
      return { rows: page.rows.map((n) => toStaffNeedResponse(n, refs)), total: page.total };
    });
  }

  get(user: AuthUser, id: string): Promise<StaffNeedResponse> {
    return this.tenantDb.run(user.organisationId, async (em) =>
      toStaffNeedResponse(await findOwned(em, StaffNeed, user.organisationId, id, 'Besoin'), await this.repository.refs(em, user.organisationId)),
    );
  }

  create(user: AuthUser, dto: CreateStaffNeedDto): Promise<StaffNeedResponse> {
    return this.save(user, null, { critical: false, service: null, orgUnit: null, ...defined(dto) } as CreateStaffNeedDto);
  }

  update(user: AuthUser, id: string, dto: UpdateStaffNeedDto): Promise<StaffNeedResponse> {
    return this.save(user, id, dto);
  }

  remove(user: AuthUser, id: string): Promise<StaffNeedResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'staff_need', 'delete', async (em) => {
      const row = await findOwned(em, StaffNeed, organisationId, id, 'Besoin');
      const value = toStaffNeedResponse(row, await this.repository.refs(em, organisationId));
      await em.update(Redeployment, { organisationId, needId: id }, { needId: null });
      await em.delete(StaffNeed, { id, organisationId });
      return { value, entityId: id, before: auditCopy(value), after: null };
    });
  }

  private save(user: AuthUser, id: string | null, dto: Partial<CreateStaffNeedDto>): Promise<StaffNeedResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'staff_need', id === null ? 'create' : 'update', async (em) => {
      const refs = await this.repository.refs(em, organisationId);
      const row = id === null ? em.create(StaffNeed, { organisationId }) : await findOwned(em, StaffNeed, organisationId, id, 'Besoin');
      const before = id === null ? null : auditCopy(toStaffNeedResponse(row, refs));
      if (dto.code !== undefined) row.code = dto.code;
      if (dto.label !== undefined) row.label = dto.label;
      if (dto.critical !== undefined) row.critical = dto.critical;
      if (dto.fteDaysRequested !== undefined) row.fteDaysRequested = new Decimal(dto.fteDaysRequested);
      if (dto.requestDate !== undefined) row.requestDate = dto.requestDate;
      if (dto.service !== undefined) row.serviceId = idOf(refs.services, dto.service, 'service', 'Service');
      if (dto.orgUnit !== undefined) row.orgUnitId = idOf(refs.orgUnits, dto.orgUnit, 'orgUnit', 'Unité');
      assertRecordValid('needs', { code: row.code, label: row.label, critical: row.critical, fteDaysRequested: row.fteDaysRequested.toFixed() });
      const saved = await guardConstraints(() => em.save(StaffNeed, row), { conflict: `Un besoin de code « ${row.code} » existe déjà.` });
      const value = toStaffNeedResponse(saved, refs);
      return { value, entityId: saved.id, before, after: auditCopy(value) };
    });
  }
}

@Injectable()
export class RedeploymentsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: ReallocationWriter,
    private readonly repository: ReallocationRepository,
  ) {}

  list(user: AuthUser, query: ListQuery<string>): Page<RedeploymentResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const refs = await this.repository.refs(em, organisationId);
      const needCodes = stringList(query.filter, 'need', 64);
      const needIds = needCodes ? [...refs.needs.entries()].filter(([, c]) => needCodes.includes(c)).map(([id]) => id) : undefined;
      const page = await findPage(
        em,
        Redeployment,
        { organisationId, id: idFilter(query.filter), agentRef: inFilter(query.filter, 'agentRef'), needId: needIds ? In(needIds) : undefined },
        query,
      );
      return { rows: page.rows.map((r) => toRedeploymentResponse(r, refs)), total: page.total };
    });
  }

  get(user: AuthUser, id: string): Promise<RedeploymentResponse> {
    return this.tenantDb.run(user.organisationId, async (em) =>
      toRedeploymentResponse(await findOwned(em, Redeployment, user.organisationId, id, 'Redéploiement'), await this.repository.refs(em, user.organisationId)),
    );
  }

  create(user: AuthUser, dto: CreateRedeploymentDto): Promise<RedeploymentResponse> {
    return this.save(user, null, { quotite: '1', need: null, fromService: null, toService: null, toPartner: null, ...defined(dto) } as CreateRedeploymentDto);
  }

  update(user: AuthUser, id: string, dto: UpdateRedeploymentDto): Promise<RedeploymentResponse> {
    return this.save(user, id, dto);
  }

  remove(user: AuthUser, id: string): Promise<RedeploymentResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'redeployment', 'delete', async (em) => {
      const row = await findOwned(em, Redeployment, organisationId, id, 'Redéploiement');
      const value = toRedeploymentResponse(row, await this.repository.refs(em, organisationId));
      await em.delete(Redeployment, { id, organisationId });
      return { value, entityId: id, before: auditCopy(value), after: null };
    });
  }

  private save(user: AuthUser, id: string | null, dto: Partial<CreateRedeploymentDto>): Promise<RedeploymentResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'redeployment', id === null ? 'create' : 'update', async (em: EntityManager) => {
      const refs: ReallocationRefs = await this.repository.refs(em, organisationId);
      const row = id === null ? em.create(Redeployment, { organisationId }) : await findOwned(em, Redeployment, organisationId, id, 'Redéploiement');
      const before = id === null ? null : auditCopy(toRedeploymentResponse(row, refs));
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
      const saved = await em.save(Redeployment, row);
      const value = toRedeploymentResponse(saved, refs);
      return { value, entityId: saved.id, before, after: auditCopy(value) };
    });
  }
}

@Injectable()
export class BudgetTransfersService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: ReallocationWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<string>): Page<BudgetTransferResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, (em) =>
      pageOfRecords(em, BUDGET_TRANSFER, organisationId, query, { code: inFilter(query.filter, 'code'), instrument: inFilter(query.filter, 'instrument') }),
    );
  }

  get(user: AuthUser, id: string): Promise<BudgetTransferResponse> {
    return this.tenantDb.run(user.organisationId, (em) => recordOf(em, BUDGET_TRANSFER, user.organisationId, id));
  }

  create(user: AuthUser, dto: CreateBudgetTransferDto): Promise<BudgetTransferResponse> {
    return this.save(user, null, { section: 'FONCTIONNEMENT', fromFunction: null, toFunction: null, ...defined(dto) } as CreateBudgetTransferDto);
  }

  update(user: AuthUser, id: string, dto: UpdateBudgetTransferDto): Promise<BudgetTransferResponse> {
    return this.save(user, id, dto);
  }

  remove(user: AuthUser, id: string): Promise<BudgetTransferResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'budget_transfer', 'delete', async (em) => {
      const { value, before } = await deleteRecord(em, BUDGET_TRANSFER, organisationId, id);
      return { value, entityId: id, before, after: null };
    });
  }

  private save(user: AuthUser, id: string | null, dto: Partial<CreateBudgetTransferDto>): Promise<BudgetTransferResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'budget_transfer', id === null ? 'create' : 'update', async (em) => {
      const row = id === null ? em.create(BudgetTransfer, { organisationId }) : await findOwned(em, BudgetTransfer, organisationId, id, 'Virement');
      const before = id === null ? null : auditCopy(toBudgetTransferResponse(row));
      Object.assign(row, defined({ ...dto, amount: undefined }));
      if (dto.amount !== undefined) row.amount = new Decimal(dto.amount);
      assertRecordValid('transfers', {
        code: row.code,
        instrument: row.instrument,
        from: { chapter: row.fromChapter, function: row.fromFunction },
        to: { chapter: row.toChapter, function: row.toFunction },
        amount: row.amount.toFixed(),
      });
      const saved = await guardConstraints(() => em.save(BudgetTransfer, row), { conflict: `Un virement de code « ${row.code} » existe déjà.` });
      const value = toBudgetTransferResponse(saved);
      return { value, entityId: saved.id, before, after: auditCopy(value) };
    });
  }
}

@Injectable()
export class InKindLoansService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: ReallocationWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<string>): Page<InKindLoanResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, (em) => pageOfRecords(em, IN_KIND_LOAN, organisationId, query, { code: inFilter(query.filter, 'code') }));
  }

  get(user: AuthUser, id: string): Promise<InKindLoanResponse> {
    return this.tenantDb.run(user.organisationId, (em) => recordOf(em, IN_KIND_LOAN, user.organisationId, id));
  }

  create(user: AuthUser, dto: CreateInKindLoanDto): Promise<InKindLoanResponse> {
    return this.save(user, null, dto);
  }

  update(user: AuthUser, id: string, dto: UpdateInKindLoanDto): Promise<InKindLoanResponse> {
    return this.save(user, id, dto);
  }

  remove(user: AuthUser, id: string): Promise<InKindLoanResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'in_kind_loan', 'delete', async (em) => {
      const { value, before } = await deleteRecord(em, IN_KIND_LOAN, organisationId, id);
      return { value, entityId: id, before, after: null };
    });
  }

  private save(user: AuthUser, id: string | null, dto: Partial<CreateInKindLoanDto>): Promise<InKindLoanResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'in_kind_loan', id === null ? 'create' : 'update', async (em) => {
      const row = id === null ? em.create(InKindLoan, { organisationId }) : await findOwned(em, InKindLoan, organisationId, id, 'Prêt en nature');
      const before = id === null ? null : auditCopy(toInKindLoanResponse(row));
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
      const saved = await guardConstraints(() => em.save(InKindLoan, row), { conflict: `Un prêt de code « ${row.code} » existe déjà.` });
      const value = toInKindLoanResponse(saved);
      return { value, entityId: saved.id, before, after: auditCopy(value) };
    });
  }
}

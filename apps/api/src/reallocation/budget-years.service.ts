import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import {
  auditCopy,
  deleteRecord,
  findOwned,
  guardConstraints,
  inFilter,
  intFilter,
  pageOfRecords,
  recordOf,
  RecordType,
} from '../platform/database/tenant-crud';
import { BudgetYear } from './budget-year.entity';
import { BudgetYearResponse, toBudgetYearResponse } from './budget-year.mapper';
import { ReallocationWriter } from './reallocation.writer';
import { CreateBudgetYearDto, UpdateBudgetYearDto } from './dto/budget-year.dto';

export const BUDGET_YEAR_SORTS = ['year', 'section', 'realExpenditure'] as const;
const WHAT = 'Budget voté';
const BUDGET_YEAR: RecordType<BudgetYear, BudgetYearResponse> = { entity: BudgetYear, what: WHAT, toResponse: toBudgetYearResponse };
const CONFLICT = (year: number, section: string) => `Le budget ${year} de la section ${section} existe déjà : modifiez-le plutôt que d’en créer un second.`;

/**
 * The organisation's voted or realised budget per year (dépenses réelles de fonctionnement), the base of the
 * fongibilité rate: finance and admins write, every member reads; every write is audited and recomputes the reallocation.
 */
@Injectable()
export class BudgetYearsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: ReallocationWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<string>): Promise<{ rows: BudgetYearResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, (em) =>
      pageOfRecords(em, BUDGET_YEAR, organisationId, query, { year: intFilter(query.filter, 'year'), section: inFilter(query.filter, 'section') }),
    );
  }

  get(user: AuthUser, id: string): Promise<BudgetYearResponse> {
    return this.tenantDb.run(user.organisationId, (em) => recordOf(em, BUDGET_YEAR, user.organisationId, id));
  }

  create(user: AuthUser, dto: CreateBudgetYearDto): Promise<BudgetYearResponse> {
    // a validated DTO carries its absent optional fields as `undefined`: defaults are applied field by field
    return this.save(user, null, { ...dto, section: dto.section ?? 'FONCTIONNEMENT', source: dto.source ?? null, comment: dto.comment ?? null });
  }

  update(user: AuthUser, id: string, dto: UpdateBudgetYearDto): Promise<BudgetYearResponse> {
    return this.save(user, id, dto);
  }

  remove(user: AuthUser, id: string): Promise<BudgetYearResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'budget_year', 'delete', async (em) => {
      const { value, before } = await deleteRecord(em, BUDGET_YEAR, organisationId, id);
      return { value, entityId: id, before, after: null };
    });
  }

  private save(user: AuthUser, id: string | null, dto: Partial<CreateBudgetYearDto>): Promise<BudgetYearResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'budget_year', id === null ? 'create' : 'update', async (em) => {
      const row = id === null ? em.create(BudgetYear, { organisationId }) : await findOwned(em, BudgetYear, organisationId, id, WHAT);
      const before = id === null ? null : auditCopy(toBudgetYearResponse(row));
      if (dto.year !== undefined) row.year = dto.year;
      if (dto.section !== undefined) row.section = dto.section;
      if (dto.realExpenditure !== undefined) row.realExpenditure = new Decimal(dto.realExpenditure);
      if (dto.source !== undefined) row.source = dto.source;
      if (dto.comment !== undefined) row.comment = dto.comment;
      const saved = await guardConstraints(() => em.save(BudgetYear, row), { conflict: CONFLICT(row.year, row.section) });
      const value = toBudgetYearResponse(saved);
      return { value, entityId: saved.id, before, after: auditCopy(value) };
    });
  }
}

import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { TenantDb } from '../platform/database/tenant-db';
import { inFilter, intFilter } from '../platform/database/tenant-crud';
import { RecordDeclaration, TenantRecords } from '../platform/database/tenant-records';
import { BudgetYear } from './budget-year.entity';
import { BudgetYearResponse, toBudgetYearResponse } from './budget-year.mapper';
import { CreateBudgetYearDto } from './dto/budget-year.dto';

export const BUDGET_YEAR_SORTS = ['year', 'section', 'realExpenditure'] as const;

const BUDGET_YEAR: RecordDeclaration<BudgetYear, BudgetYearResponse, CreateBudgetYearDto> = {
  entity: BudgetYear,
  what: 'Budget voté',
  audit: 'budget_year',
  recompute: 'reallocation',
  toResponse: toBudgetYearResponse,
  filters: (filter) => ({ year: intFilter(filter, 'year'), section: inFilter(filter, 'section') }),
  defaults: { section: 'FONCTIONNEMENT', source: null, comment: null },
  apply: (row, dto) => {
    if (dto.year !== undefined) row.year = dto.year;
    if (dto.section !== undefined) row.section = dto.section;
    if (dto.realExpenditure !== undefined) row.realExpenditure = new Decimal(dto.realExpenditure);
    if (dto.source !== undefined) row.source = dto.source;
    if (dto.comment !== undefined) row.comment = dto.comment;
  },
  conflict: (row) => `Le budget ${row.year} de la section ${row.section} existe déjà : modifiez-le plutôt que d’en créer un second.`,
};

/**
 * The organisation's voted or realised budget per year (dépenses réelles de fonctionnement), the base of the
 * fongibilité rate: finance and admins write, every member reads; every write is audited and recomputes the reallocation.
 */
@Injectable()
export class BudgetYearsService extends TenantRecords<BudgetYear, BudgetYearResponse, CreateBudgetYearDto> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter) {
    super(BUDGET_YEAR, tenantDb, writer);
  }
}

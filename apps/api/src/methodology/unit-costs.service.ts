import { ConflictException, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { inFilter, invalid } from '../platform/database/tenant-crud';
import { RecordDeclaration, TenantRecords } from '../platform/database/tenant-records';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { MethodCheck } from './method-check';
import { methodStillComputes } from './method-record-check';
import { OutcomeAssumption } from './outcome-assumption.entity';
import { UnitCost } from './unit-cost.entity';
import { toUnitCostResponse, UnitCostResponse } from './unit-cost.mapper';
import { CreateUnitCostDto } from './dto/unit-cost.dto';
import { unitCostRangeProblems } from './unit-cost-range';

export const UNIT_COST_SORTS = ['code', 'label', 'amount', 'priceYear', 'grade'] as const;

/** The codes of unit costs an assumption's params reference (a code or a mix). */
export const unitCostCodesOf = (params: Record<string, unknown>): string[] => {
  const ref = params.unitCost;
  if (typeof ref === 'string') return [ref];
  if (Array.isArray(ref))
    return ref.flatMap((c: unknown) =>
      c !== null && typeof c === 'object' && typeof (c as { code?: unknown }).code === 'string' ? [(c as { code: string }).code] : [],
    );
  return [];
};

const UNIT_COST: RecordDeclaration<UnitCost, UnitCostResponse, CreateUnitCostDto> = {
  entity: UnitCost,
  what: 'Coût unitaire',
  recompute: 'every-period',
  audit: 'unit_cost',
  toResponse: toUnitCostResponse,
  filters: (filter) => ({ code: inFilter(filter, 'code') }),
  defaults: {
    cashableShare: '1',
    grade: null,
    nature: 'estimate',
    sourceUrl: null,
    note: null,
    amountLow: null,
    amountHigh: null,
    validFrom: null,
    validTo: null,
  },
  apply: async (row, dto, { em, organisationId, created }) => {
    if (!created && dto.code !== undefined && dto.code !== row.code) await assertUnused(em, organisationId, row.code, 'renommer');
    Object.assign(row, fields(dto));
    assertRange(row);
  },
  conflict: (row) => `Un coût unitaire de code « ${row.code} » existe déjà dans l’organisation.`,
  beforeDelete: (row, { em, organisationId }) => assertUnused(em, organisationId, row.code, 'supprimer'),
};

/** The unit-cost library of an organisation (admin writes, every member reads); every write checks the method. */
@Injectable()
export class UnitCostsService extends TenantRecords<UnitCost, UnitCostResponse, CreateUnitCostDto> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter, method: MethodCheck) {
    super(
      UNIT_COST,
      tenantDb,
      writer,
      methodStillComputes<UnitCostResponse>(method, (value, action) => (action === 'delete' ? { kind: 'none' } : { kind: 'unitCost', code: value.code })),
    );
  }
}

/** A unit cost referenced by an outcome assumption can be neither renamed nor deleted (409 naming the assumptions). */
const assertUnused = async (em: EntityManager, organisationId: string, code: string, verb: string): Promise<void> => {
  const users = (await em.find(OutcomeAssumption, { where: { organisationId } })).filter((a) => unitCostCodesOf(a.params).includes(code));
  if (users.length > 0) {
    throw new ConflictException(
      `Impossible de ${verb} le coût unitaire « ${code} » : il est utilisé par les hypothèses ${users.map((a) => a.code).join(', ')}.`,
    );
  }
};

/** 422 with the field paths when the row as it would be stored has an incoherent range. */
const assertRange = (row: Partial<Pick<UnitCost, 'amount' | 'amountLow' | 'amountHigh'>>): void => {
  if (row.amount === undefined) return;
  const problems = unitCostRangeProblems({ amount: row.amount, amountLow: row.amountLow ?? null, amountHigh: row.amountHigh ?? null });
  if (problems.length > 0) throw invalid('Fourchette de montants incohérente : corrigez les points signalés.', problems);
};

const decimalOrNull = (value: string | null): Decimal | null => (value === null ? null : new Decimal(value));

const fields = (dto: Partial<CreateUnitCostDto>): Partial<UnitCost> => {
  const out: Partial<UnitCost> = {};
  if (dto.code !== undefined) out.code = dto.code;
  if (dto.label !== undefined) out.label = dto.label;
  if (dto.unit !== undefined) out.unit = dto.unit;
  if (dto.amount !== undefined) out.amount = new Decimal(dto.amount);
  if (dto.amountLow !== undefined) out.amountLow = decimalOrNull(dto.amountLow);
  if (dto.amountHigh !== undefined) out.amountHigh = decimalOrNull(dto.amountHigh);
  if (dto.priceYear !== undefined) out.priceYear = dto.priceYear;
  if (dto.payers !== undefined) out.payers = dto.payers;
  if (dto.cashableShare !== undefined) out.cashableShare = new Decimal(dto.cashableShare);
  if (dto.grade !== undefined) out.grade = dto.grade;
  if (dto.nature !== undefined) out.nature = dto.nature;
  // a regulated tariff is a fact fixed by law: it carries no evidence grade
  if (dto.nature === 'regulated_tariff') out.grade = null;
  if (dto.sourceTitle !== undefined) out.sourceTitle = dto.sourceTitle;
  if (dto.sourcePublisher !== undefined) out.sourcePublisher = dto.sourcePublisher;
  if (dto.sourceUrl !== undefined) out.sourceUrl = dto.sourceUrl;
  if (dto.note !== undefined) out.note = dto.note;
  if (dto.validFrom !== undefined) out.validFrom = dto.validFrom;
  if (dto.validTo !== undefined) out.validTo = dto.validTo;
  return out;
};

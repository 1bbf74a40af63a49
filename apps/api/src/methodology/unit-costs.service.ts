import { ConflictException, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import { auditCopy, deleteRecord, findOwned, guardConstraints, inFilter, invalid, pageOfRecords, recordOf, RecordType } from '../platform/database/tenant-crud';
import { MethodologyWriter } from './methodology.writer';
import { OutcomeAssumption } from './outcome-assumption.entity';
import { UnitCost } from './unit-cost.entity';
import { toUnitCostResponse, UnitCostResponse } from './unit-cost.mapper';
import { CreateUnitCostDto, UpdateUnitCostDto } from './dto/unit-cost.dto';
import { unitCostRangeProblems } from './unit-cost-range';

export const UNIT_COST_SORTS = ['code', 'label', 'amount', 'priceYear', 'grade'] as const;
const WHAT = 'Coût unitaire';
const UNIT_COST: RecordType<UnitCost, UnitCostResponse> = { entity: UnitCost, what: WHAT, toResponse: toUnitCostResponse };
const CONFLICT = (code: string) => `Un coût unitaire de code « ${code} » existe déjà dans l’organisation.`;

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

/** The unit-cost library of an organisation (admin writes, every member reads). */
@Injectable()
export class UnitCostsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: MethodologyWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<(typeof UNIT_COST_SORTS)[number]>): Promise<{ rows: UnitCostResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, (em) => pageOfRecords(em, UNIT_COST, organisationId, query, { code: inFilter(query.filter, 'code') }));
  }

  get(user: AuthUser, id: string): Promise<UnitCostResponse> {
    return this.tenantDb.run(user.organisationId, (em) => recordOf(em, UNIT_COST, user.organisationId, id));
  }

  create(user: AuthUser, dto: CreateUnitCostDto): Promise<UnitCostResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'unit_cost', 'create', async (em) => {
      const row = em.create(UnitCost, {
        organisationId,
        cashableShare: new Decimal(1),
        grade: null,
        nature: 'estimate',
        sourceUrl: null,
        note: null,
        amountLow: null,
        amountHigh: null,
        validFrom: null,
        validTo: null,
        ...fields(dto),
      });
      assertRange(row);
      const saved = await guardConstraints(() => em.save(UnitCost, row), { conflict: CONFLICT(dto.code) });
      const value = toUnitCostResponse(saved);
      return { value, entityId: saved.id, before: null, after: auditCopy(value), focus: { kind: 'unitCost', code: saved.code } };
    });
  }

  update(user: AuthUser, id: string, dto: UpdateUnitCostDto): Promise<UnitCostResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'unit_cost', 'update', async (em) => {
      const row = await findOwned(em, UnitCost, organisationId, id, WHAT);
      const before = toUnitCostResponse(row);
      if (dto.code !== undefined && dto.code !== row.code) await this.assertUnused(em, organisationId, row.code, 'renommer');
      const merged = em.merge(UnitCost, row, fields(dto));
      assertRange(merged);
      const saved = await guardConstraints(() => em.save(UnitCost, merged), { conflict: CONFLICT(dto.code ?? row.code) });
      const value = toUnitCostResponse(saved);
      return { value, entityId: id, before: auditCopy(before), after: auditCopy(value), focus: { kind: 'unitCost', code: saved.code } };
    });
  }

  remove(user: AuthUser, id: string): Promise<UnitCostResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'unit_cost', 'delete', async (em) => {
      const { value, before } = await deleteRecord(em, UNIT_COST, organisationId, id, (row) => this.assertUnused(em, organisationId, row.code, 'supprimer'));
      return { value, entityId: id, before, after: null, focus: { kind: 'none' } };
    });
  }

  private async assertUnused(em: EntityManager, organisationId: string, code: string, verb: string): Promise<void> {
    const users = (await em.find(OutcomeAssumption, { where: { organisationId } })).filter((a) => unitCostCodesOf(a.params).includes(code));
    if (users.length > 0) {
      throw new ConflictException(
        `Impossible de ${verb} le coût unitaire « ${code} » : il est utilisé par les hypothèses ${users.map((a) => a.code).join(', ')}.`,
      );
    }
  }
}

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

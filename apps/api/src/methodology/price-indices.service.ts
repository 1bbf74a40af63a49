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
  invalid,
  pageOfRecords,
  recordOf,
  RecordType,
} from '../platform/database/tenant-crud';
import { MethodologyWriter } from './methodology.writer';
import { PriceIndex } from './price-index.entity';
import { PriceIndexResponse, toPriceIndexResponse } from './price-index.mapper';
import { CreatePriceIndexDto, UpdatePriceIndexDto } from './dto/price-index.dto';

export const PRICE_INDEX_SORTS = ['year', 'series', 'value'] as const;
const WHAT = 'Indice des prix';
const PRICE_INDEX: RecordType<PriceIndex, PriceIndexResponse> = { entity: PriceIndex, what: WHAT, toResponse: toPriceIndexResponse };
const CONFLICT = (series: string, year: number) => `L’indice ${series} de ${year} existe déjà : modifiez-le plutôt que d’en créer un second.`;

const fields = (dto: Partial<CreatePriceIndexDto>): Partial<PriceIndex> => {
  if (dto.value !== undefined && !new Decimal(dto.value).isPositive())
    throw invalid('Indice invalide.', [{ path: 'value', message: 'un indice des prix est strictement positif' }]);
  return {
    ...(dto.series !== undefined ? { series: dto.series } : {}),
    ...(dto.year !== undefined ? { year: dto.year } : {}),
    ...(dto.value !== undefined ? { value: new Decimal(dto.value) } : {}),
    ...(dto.base !== undefined ? { base: dto.base } : {}),
    ...(dto.source !== undefined ? { source: dto.source } : {}),
  };
};

/** Annual price indices (constant euros): admin writes, every member reads. */
@Injectable()
export class PriceIndicesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: MethodologyWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<(typeof PRICE_INDEX_SORTS)[number]>): Promise<{ rows: PriceIndexResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, (em) =>
      pageOfRecords(em, PRICE_INDEX, organisationId, query, { series: inFilter(query.filter, 'series'), year: intFilter(query.filter, 'year') }),
    );
  }

  get(user: AuthUser, id: string): Promise<PriceIndexResponse> {
    return this.tenantDb.run(user.organisationId, (em) => recordOf(em, PRICE_INDEX, user.organisationId, id));
  }

  create(user: AuthUser, dto: CreatePriceIndexDto): Promise<PriceIndexResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'price_index', 'create', async (em) => {
      const series = dto.series ?? 'INSEE_IPC_HORS_TABAC';
      const saved = await guardConstraints(() => em.save(PriceIndex, em.create(PriceIndex, { organisationId, source: null, ...fields(dto), series })), {
        conflict: CONFLICT(series, dto.year),
      });
      const value = toPriceIndexResponse(saved);
      return { value, entityId: saved.id, before: null, after: auditCopy(value), focus: { kind: 'priceIndex' } };
    });
  }

  update(user: AuthUser, id: string, dto: UpdatePriceIndexDto): Promise<PriceIndexResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'price_index', 'update', async (em) => {
      const row = await findOwned(em, PriceIndex, organisationId, id, WHAT);
      const before = auditCopy(toPriceIndexResponse(row));
      const saved = await guardConstraints(() => em.save(PriceIndex, em.merge(PriceIndex, row, fields(dto))), {
        conflict: CONFLICT(dto.series ?? row.series, dto.year ?? row.year),
      });
      const value = toPriceIndexResponse(saved);
      return { value, entityId: id, before, after: auditCopy(value), focus: { kind: 'priceIndex' } };
    });
  }

  remove(user: AuthUser, id: string): Promise<PriceIndexResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'price_index', 'delete', async (em) => {
      const { value, before } = await deleteRecord(em, PRICE_INDEX, organisationId, id);
      return { value, entityId: id, before, after: null, focus: { kind: 'priceIndex' } };
    });
  }
}

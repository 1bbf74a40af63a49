import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { TenantDb } from '../platform/database/tenant-db';
import { inFilter, intFilter, invalid } from '../platform/database/tenant-crud';
import { RecordDeclaration, TenantRecords } from '../platform/database/tenant-records';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { MethodCheck } from './method-check';
import { methodStillComputes } from './method-record-check';
import { PriceIndex } from './price-index.entity';
import { PriceIndexResponse, toPriceIndexResponse } from './price-index.mapper';
import { CreatePriceIndexDto } from './dto/price-index.dto';

export const PRICE_INDEX_SORTS = ['year', 'series', 'value'] as const;

const PRICE_INDEX: RecordDeclaration<PriceIndex, PriceIndexResponse, CreatePriceIndexDto> = {
  entity: PriceIndex,
  what: 'Indice des prix',
  recompute: 'every-period',
  audit: 'price_index',
  toResponse: toPriceIndexResponse,
  filters: (filter) => ({ series: inFilter(filter, 'series'), year: intFilter(filter, 'year') }),
  defaults: { series: 'INSEE_IPC_HORS_TABAC', source: null },
  apply: (row, dto) => {
    if (dto.value !== undefined && !new Decimal(dto.value).isPositive())
      throw invalid('Indice invalide.', [{ path: 'value', message: 'un indice des prix est strictement positif' }]);
    if (dto.series !== undefined) row.series = dto.series;
    if (dto.year !== undefined) row.year = dto.year;
    if (dto.value !== undefined) row.value = new Decimal(dto.value);
    if (dto.base !== undefined) row.base = dto.base;
    if (dto.source !== undefined) row.source = dto.source;
  },
  conflict: (row) => `L’indice ${row.series} de ${row.year} existe déjà : modifiez-le plutôt que d’en créer un second.`,
};

/** Annual price indices (constant euros): admin writes, every member reads; every write checks the method. */
@Injectable()
export class PriceIndicesService extends TenantRecords<PriceIndex, PriceIndexResponse, CreatePriceIndexDto> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter, method: MethodCheck) {
    super(
      PRICE_INDEX,
      tenantDb,
      writer,
      methodStillComputes(method, () => ({ kind: 'priceIndex' })),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { stringList } from '../platform/http/list-query';
import { Service } from '../catalogue/service.entity';
import { inFilter, invalid } from '../platform/database/tenant-crud';
import { RecordDeclaration, TenantRecords } from '../platform/database/tenant-records';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { MethodCheck } from './method-check';
import { methodStillComputes } from './method-record-check';
import { OutcomeAssumption } from './outcome-assumption.entity';
import { OutcomeAssumptionResponse, toOutcomeAssumptionResponse } from './outcome-assumption.mapper';
import { CreateOutcomeAssumptionDto } from './dto/outcome-assumption.dto';

export const OUTCOME_ASSUMPTION_SORTS = ['code', 'label'] as const;

const OUTCOME_ASSUMPTION: RecordDeclaration<OutcomeAssumption, OutcomeAssumptionResponse, CreateOutcomeAssumptionDto, Service[]> = {
  entity: OutcomeAssumption,
  what: 'Hypothèse de résultat',
  recompute: 'every-period',
  audit: 'outcome_assumption',
  context: (em, user) => em.find(Service, { where: { organisationId: user.organisationId } }),
  toResponse: (row, services) => toOutcomeAssumptionResponse(row, codeOf(services, row.serviceId)),
  filters: (filter, { ctx: services }) => {
    const serviceCodes = stringList(filter, 'service', 64);
    const serviceIds = serviceCodes ? services.filter((s) => serviceCodes.includes(s.code)).map((s) => s.id) : undefined;
    return { code: inFilter(filter, 'code'), serviceId: serviceIds ? In(serviceIds) : undefined };
  },
  defaults: { evidence: null },
  apply: (row, dto, { ctx: services }) => {
    if (dto.service !== undefined) row.serviceId = serviceByCode(services, dto.service).id;
    if (dto.code !== undefined) row.code = dto.code;
    if (dto.label !== undefined) row.label = dto.label;
    if (dto.params !== undefined) row.params = dto.params;
    if (dto.justification !== undefined) row.justification = dto.justification;
    if (dto.evidence !== undefined) row.evidence = dto.evidence;
  },
  conflict: (row, services) => `Le service ${codeOf(services, row.serviceId)} a déjà une hypothèse de code « ${row.code} ».`,
};

/**
 * Outcome assumptions per service (admin writes, every member reads). `params` are the outcome keys of
 * `levier-scenario/1`; they are checked by the engine together with the rest of the method (MethodCheck), so
 * errors come back as `{ path: "params.rateWith", message }`.
 */
@Injectable()
export class OutcomeAssumptionsService extends TenantRecords<OutcomeAssumption, OutcomeAssumptionResponse, CreateOutcomeAssumptionDto, Service[]> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter, method: MethodCheck) {
    super(
      OUTCOME_ASSUMPTION,
      tenantDb,
      writer,
      methodStillComputes<OutcomeAssumptionResponse>(method, (value, action) =>
        action === 'delete' ? { kind: 'none' } : { kind: 'assumption', id: value.id },
      ),
    );
  }
}

/** A service of the organisation by code, or a 422 naming the field. */
const serviceByCode = (services: readonly Service[], code: string): Service => {
  const service = services.find((s) => s.code === code);
  if (!service)
    throw invalid('Service inconnu.', [{ path: 'service', message: `service inconnu « ${code} » : indiquez le code d’un service de l’organisation` }]);
  return service;
};

const codeOf = (services: readonly Service[], id: string): string => services.find((s) => s.id === id)?.code ?? '';

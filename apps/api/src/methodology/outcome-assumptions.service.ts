import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import { Service } from '../catalogue/service.entity';
import { auditCopy, findOwned, findPage, guardConstraints, idFilter, inFilter, invalid } from '../platform/database/tenant-crud';
import { MethodologyWriter } from './methodology.writer';
import { OutcomeAssumption } from './outcome-assumption.entity';
import { OutcomeAssumptionResponse, toOutcomeAssumptionResponse } from './outcome-assumption.mapper';
import { CreateOutcomeAssumptionDto, UpdateOutcomeAssumptionDto } from './dto/outcome-assumption.dto';

export const OUTCOME_ASSUMPTION_SORTS = ['code', 'label'] as const;
const WHAT = 'Hypothèse de résultat';
const CONFLICT = (service: string, code: string) => `Le service ${service} a déjà une hypothèse de code « ${code} ».`;

/**
 * Outcome assumptions per service (admin writes, every member reads). `params` are the outcome keys of
 * `levier-scenario/1`; they are checked by the engine together with the rest of the method (MethodCheck), so
 * errors come back as `{ path: "params.rateWith", message }`.
 */
@Injectable()
export class OutcomeAssumptionsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: MethodologyWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<(typeof OUTCOME_ASSUMPTION_SORTS)[number]>): Promise<{ rows: OutcomeAssumptionResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const services = await this.services(em, organisationId);
      const serviceCodes = stringList(query.filter, 'service', 64);
      const serviceIds = serviceCodes ? services.filter((s) => serviceCodes.includes(s.code)).map((s) => s.id) : undefined;
      const page = await findPage(
        em,
        OutcomeAssumption,
        { organisationId, id: idFilter(query.filter), code: inFilter(query.filter, 'code'), serviceId: serviceIds ? In(serviceIds) : undefined },
        query,
      );
      return { rows: page.rows.map((a) => toOutcomeAssumptionResponse(a, codeOf(services, a.serviceId))), total: page.total };
    });
  }

  get(user: AuthUser, id: string): Promise<OutcomeAssumptionResponse> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const row = await findOwned(em, OutcomeAssumption, user.organisationId, id, WHAT);
      return toOutcomeAssumptionResponse(row, codeOf(await this.services(em, user.organisationId), row.serviceId));
    });
  }

  create(user: AuthUser, dto: CreateOutcomeAssumptionDto): Promise<OutcomeAssumptionResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'outcome_assumption', 'create', async (em) => {
      const service = await this.serviceByCode(em, organisationId, dto.service);
      const saved = await guardConstraints(
        () =>
          em.save(
            OutcomeAssumption,
            em.create(OutcomeAssumption, {
              organisationId,
              serviceId: service.id,
              code: dto.code,
              label: dto.label,
              params: dto.params,
              justification: dto.justification,
              evidence: dto.evidence ?? null,
            }),
          ),
        { conflict: CONFLICT(service.code, dto.code) },
      );
      const value = toOutcomeAssumptionResponse(saved, service.code);
      return { value, entityId: saved.id, before: null, after: auditCopy(value), focus: { kind: 'assumption', id: saved.id } };
    });
  }

  update(user: AuthUser, id: string, dto: UpdateOutcomeAssumptionDto): Promise<OutcomeAssumptionResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'outcome_assumption', 'update', async (em) => {
      const row = await findOwned(em, OutcomeAssumption, organisationId, id, WHAT);
      const services = await this.services(em, organisationId);
      const before = auditCopy(toOutcomeAssumptionResponse(row, codeOf(services, row.serviceId)));
      const service = dto.service === undefined ? undefined : await this.serviceByCode(em, organisationId, dto.service);
      const merged = em.merge(OutcomeAssumption, row, {
        ...(service ? { serviceId: service.id } : {}),
        ...(dto.code !== undefined ? { code: dto.code } : {}),
        ...(dto.label !== undefined ? { label: dto.label } : {}),
        ...(dto.justification !== undefined ? { justification: dto.justification } : {}),
        ...(dto.evidence !== undefined ? { evidence: dto.evidence } : {}),
      });
      if (dto.params !== undefined) merged.params = dto.params;
      const serviceCode = codeOf(services, merged.serviceId);
      const saved = await guardConstraints(() => em.save(OutcomeAssumption, merged), { conflict: CONFLICT(serviceCode, merged.code) });
      const value = toOutcomeAssumptionResponse(saved, serviceCode);
      return { value, entityId: id, before, after: auditCopy(value), focus: { kind: 'assumption', id } };
    });
  }

  remove(user: AuthUser, id: string): Promise<OutcomeAssumptionResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, 'outcome_assumption', 'delete', async (em) => {
      const row = await findOwned(em, OutcomeAssumption, organisationId, id, WHAT);
      const value = toOutcomeAssumptionResponse(row, codeOf(await this.services(em, organisationId), row.serviceId));
      await em.delete(OutcomeAssumption, { id, organisationId });
      return { value, entityId: id, before: auditCopy(value), after: null, focus: { kind: 'none' } };
    });
  }

  private services(em: EntityManager, organisationId: string): Promise<Service[]> {
    return em.find(Service, { where: { organisationId } });
  }

  private async serviceByCode(em: EntityManager, organisationId: string, code: string): Promise<Service> {
    const service = await em.findOne(Service, { where: { organisationId, code } });
    if (!service)
      throw invalid('Service inconnu.', [{ path: 'service', message: `service inconnu « ${code} » : indiquez le code d’un service de l’organisation` }]);
    return service;
  }
}

const codeOf = (services: readonly Service[], id: string): string => services.find((s) => s.id === id)?.code ?? '';

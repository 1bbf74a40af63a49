import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IndicatorTarget } from './indicator-target.entity';

/** Queries of the indicator targets (their writes go through TenantRecords). */
@Injectable()
export class IndicatorTargetRepository {
  /** The organisation's targets of a year, by indicator code. */
  ofYear(em: EntityManager, organisationId: string, year: number): Promise<IndicatorTarget[]> {
    return em.find(IndicatorTarget, { where: { organisationId, year }, order: { indicator: 'ASC' } });
  }

  byId(em: EntityManager, organisationId: string, id: string): Promise<IndicatorTarget | null> {
    return em.findOne(IndicatorTarget, { where: { id, organisationId } });
  }
}

import { BadRequestException, Injectable } from '@nestjs/common';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import { AuditLogFilter, AuditLogRepository, AuditLogRow, AuditSortField } from './audit-log.repository';
import type { Page } from '../platform/database/page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (filter: Record<string, unknown>, key: string, pattern?: RegExp): string | undefined => {
  const value = filter[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200 || (pattern && !pattern.test(value))) {
    throw new BadRequestException(`Le filtre ${key} n’est pas valide.`);
  }
  return value;
};

/** The organisation's audit log, newest first, for its administrators. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: AuditLogRepository,
  ) {}

  list(organisationId: string, query: ListQuery<AuditSortField>): Promise<Page<AuditLogRow>> {
    const ids = stringList(query.filter, 'id');
    if (ids && !ids.every((id) => /^\d{1,18}(\.\d{1,6})?$/.test(id)))
      throw new BadRequestException('Le filtre id doit lister des numéros d’entrées du journal.');
    const filter: AuditLogFilter = {
      ids,
      entity: text(query.filter, 'entity'),
      entityId: text(query.filter, 'entityId'),
      action: text(query.filter, 'action'),
      actorId: text(query.filter, 'actorId', UUID),
      submissionId: text(query.filter, 'submissionId', UUID),
      from: text(query.filter, 'from', /^\d{4}-\d{2}-\d{2}/),
      to: text(query.filter, 'to', /^\d{4}-\d{2}-\d{2}/),
      orgUnit: text(query.filter, 'orgUnit'),
      period: text(query.filter, 'period', /^\d{4}(-(0[1-9]|1[0-2])|-[QT][1-4])?$/)?.replace(/-T([1-4])$/, '-Q$1'),
    };
    return this.tenantDb.read(organisationId, (em) => this.repository.list(em, organisationId, filter, query));
  }
}

import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TenantDb } from '../../platform/database/tenant-db';
import { AuditedTenantWriter } from '../../platform/audit/audited-tenant-writer';
import type { AuthUser } from '../../tenancy/auth-user';
import { MappingError, parseImportMapping, type ImportMapping } from '../parsing/import-mapping';
import { ImportTemplateRepository } from './import-template.repository';
import { ImportTemplateResponse, toImportTemplateResponse } from './import-template.mapper';

/** Saved column mappings of the organisation (the import wizard offers them again next month): list, save under a name, delete; writes audited. */
@Injectable()
export class ImportTemplatesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly templates: ImportTemplateRepository,
    private readonly writer: AuditedTenantWriter,
  ) {}

  async list(user: AuthUser): Promise<ImportTemplateResponse[]> {
    return (await this.tenantDb.run(user.organisationId, (em) => this.templates.list(em, user.organisationId))).map(toImportTemplateResponse);
  }

  /** Saves a mapping under a name; a name already used is replaced (`import_template.update`). */
  save(user: AuthUser, nameInput: string, rawMapping: unknown): Promise<ImportTemplateResponse> {
    let mapping: ImportMapping;
    try {
      mapping = parseImportMapping(rawMapping);
    } catch (error) {
      if (error instanceof MappingError) throw new BadRequestException(error.message);
      throw error;
    }
    const name = nameInput.trim();
    if (name === '' || name.includes('\u0000')) throw new BadRequestException('Donnez un nom au modèle d’import.');
    return this.writer.write(user, { entity: 'import_template', action: 'import_template.create' }, async (em) => {
      const { id, replaced } = await this.templates.save(em, user.organisationId, name, mapping, user.id);
      return {
        value: toImportTemplateResponse((await this.templates.find(em, user.organisationId, id))!),
        entityId: id,
        action: replaced ? 'import_template.update' : 'import_template.create',
        before: null,
        after: { name, mapping },
      };
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.writer.write(user, { entity: 'import_template', action: 'import_template.delete' }, async (em) => {
      const removed = await this.templates.remove(em, user.organisationId, id);
      if (!removed) throw new NotFoundException('Modèle d’import introuvable.');
      return { value: undefined, entityId: id, before: { name: removed.name }, after: null };
    });
  }
}

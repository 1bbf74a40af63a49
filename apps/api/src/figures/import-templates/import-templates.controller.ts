import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { uuidParam } from '../../platform/http/uuid-param.pipe';
import { TenantDb } from '../../platform/database/tenant-db';
import { AuditWriter } from '../../audit/audit.writer';
import { MappingError, parseImportMapping, type ImportMapping } from '../parsing/import-mapping';
import { ImportTemplateRepository, ImportTemplateView } from './import-template.repository';

export class SaveImportTemplateDto {
  @IsString({ message: 'name doit être le nom du modèle, par exemple « Suivi mensuel DAF ».' })
  @MinLength(1, { message: 'Donnez un nom au modèle d’import.' })
  @MaxLength(120, { message: 'Le nom du modèle compte au plus 120 caractères.' })
  name: string;

  @IsDefined({ message: 'mapping : indiquez la correspondance des colonnes { layout, columns, … }.' })
  mapping: unknown;
}

export interface ImportTemplateResponse {
  id: string;
  name: string;
  mapping: ImportMapping;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

const toResponse = (t: ImportTemplateView): ImportTemplateResponse => ({
  id: t.id,
  name: t.name,
  mapping: t.mapping,
  createdBy: t.createdBy,
  createdByName: t.createdByName,
  createdAt: new Date(t.createdAt).toISOString(),
  updatedAt: new Date(t.updatedAt).toISOString(),
});

/** Saved column mappings of the organisation: the import wizard offers them again next month (docs/product-rules.md#ingestion, issue 13). */
@ApiTags('saisie')
@ApiBearerAuth()
@Controller('import-templates')
@Roles('finance', 'admin')
export class ImportTemplatesController {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly templates: ImportTemplateRepository,
    private readonly audit: AuditWriter,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Modèles d’import enregistrés de l’organisation (correspondances de colonnes)' })
  async list(@CurrentUser() user: AuthUser): Promise<ImportTemplateResponse[]> {
    return (await this.tenantDb.run(user.organisationId, (em) => this.templates.list(em, user.organisationId))).map(toResponse);
  }

  @Post()
  @ApiOperation({ summary: 'Enregistre une correspondance de colonnes sous un nom (un nom existant est remplacé)' })
  async save(@CurrentUser() user: AuthUser, @Body() dto: SaveImportTemplateDto): Promise<ImportTemplateResponse> {
    let mapping: ImportMapping;
    try {
      mapping = parseImportMapping(dto.mapping);
    } catch (error) {
      if (error instanceof MappingError) throw new BadRequestException(error.message);
      throw error;
    }
    const name = dto.name.trim();
    if (name === '' || name.includes('\u0000')) throw new BadRequestException('Donnez un nom au modèle d’import.');
    return this.tenantDb.run(user.organisationId, async (em) => {
      const { id, replaced } = await this.templates.save(em, user.organisationId, name, mapping, user.id);
      await this.audit.write(em, user.organisationId, [
        {
          actorId: user.id,
          action: replaced ? 'import_template.update' : 'import_template.create',
          entity: 'import_template',
          entityId: id,
          before: null,
          after: { name, mapping },
          reason: null,
        },
      ]);
      return toResponse((await this.templates.find(em, user.organisationId, id))!);
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprime un modèle d’import' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Modèle d’import introuvable.')) id: string): Promise<void> {
    await this.tenantDb.run(user.organisationId, async (em) => {
      const removed = await this.templates.remove(em, user.organisationId, id);
      if (!removed) throw new NotFoundException('Modèle d’import introuvable.');
      await this.audit.write(em, user.organisationId, [
        {
          actorId: user.id,
          action: 'import_template.delete',
          entity: 'import_template',
          entityId: id,
          before: { name: removed.name },
          after: null,
          reason: null,
        },
      ]);
    });
  }
}

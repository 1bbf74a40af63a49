import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { uuidParam } from '../../platform/http/uuid-param.pipe';
import type { ImportTemplateResponse } from './import-template.mapper';
import { ImportTemplatesService } from './import-templates.service';

export class SaveImportTemplateDto {
  @IsString({ message: 'name doit être le nom du modèle, par exemple « Suivi mensuel DAF ».' })
  @MinLength(1, { message: 'Donnez un nom au modèle d’import.' })
  @MaxLength(120, { message: 'Le nom du modèle compte au plus 120 caractères.' })
  name: string;

  @IsDefined({ message: 'mapping : indiquez la correspondance des colonnes { layout, columns, … }.' })
  mapping: unknown;
}

/** Saved column mappings of the organisation: the import wizard offers them again next month (docs/product-rules.md#ingestion, issue 13). */
@ApiTags('saisie')
@ApiBearerAuth()
@Controller('import-templates')
@Roles('finance', 'admin')
export class ImportTemplatesController {
  constructor(private readonly templates: ImportTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Modèles d’import enregistrés de l’organisation (correspondances de colonnes)' })
  list(@CurrentUser() user: AuthUser): Promise<ImportTemplateResponse[]> {
    return this.templates.list(user);
  }

  @Post()
  @ApiOperation({ summary: 'Enregistre une correspondance de colonnes sous un nom (un nom existant est remplacé)' })
  save(@CurrentUser() user: AuthUser, @Body() dto: SaveImportTemplateDto): Promise<ImportTemplateResponse> {
    return this.templates.save(user, dto.name, dto.mapping);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprime un modèle d’import' })
  remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Modèle d’import introuvable.')) id: string): Promise<void> {
    return this.templates.remove(user, id);
  }
}

import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { crudController } from '../../platform/http/crud-controller';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { CreateCustomIndicatorDto, PreviewCustomIndicatorDto, UpdateCustomIndicatorDto } from './custom-indicator.dto';
import { CUSTOM_INDICATOR_SORTS, CustomIndicatorsService, PreviewResponse } from './custom-indicators.service';

export class CustomIndicatorsController extends crudController({
  path: 'custom-indicators',
  tag: 'indicateurs personnalisés',
  records: CustomIndicatorsService,
  Create: CreateCustomIndicatorDto,
  Update: UpdateCustomIndicatorDto,
  sorts: CUSTOM_INDICATOR_SORTS,
  defaultSort: { field: 'code', order: 'ASC' },
  summaries: {
    list: 'Indicateurs personnalisés : numérateur / dénominateur × facteur (filtres : id, code)',
    create: 'Crée un indicateur ; une formule invalide répond 400 avec errors [{ field, position, message }]',
  },
  user: CurrentUser(),
  writers: Roles('admin', 'finance'),
}) {
  /**
   * Only the roles that write formulas (admin, finance: the same as create and update) may evaluate one: a formula is
   * evaluated cell by cell, so a free formula picks out single cells (`if(#{beneficiaries} < 5, …)`).
   */
  @Post('preview')
  @HttpCode(200)
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Évalue une formule sur les chiffres réels du périmètre, sans l’enregistrer (admin, finance)' })
  preview(@CurrentUser() user: AuthUser, @Body() dto: PreviewCustomIndicatorDto): Promise<PreviewResponse> {
    return this.records.preview(user, dto);
  }
}

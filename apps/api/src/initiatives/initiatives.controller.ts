import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { INITIATIVE_SORTS } from './initiative.repository';
import { InitiativesService } from './initiatives.service';
import { InitiativesSummaryResponse } from './initiative.mapper';
import { CreateInitiativeDto, UpdateInitiativeDto } from './dto/initiative.dto';
import { InitiativesSummaryQuery } from './dto/initiatives-summary.query';

export class InitiativesController extends crudController({
  path: 'initiatives',
  tag: 'initiatives',
  records: InitiativesService,
  Create: CreateInitiativeDto,
  Update: UpdateInitiativeDto,
  sorts: INITIATIVE_SORTS,
  defaultSort: { field: 'startDate', order: 'DESC' },
  summaries: {
    list: 'Initiatives des agents (PIFPP) de votre périmètre (filtres : id, orgUnit, service, status)',
    create: 'Déclare une initiative d’agents : équipe, service, début, statut, ressources mobilisées, résultats',
  },
  user: CurrentUser(),
  writers: Roles('admin', 'finance', 'director'),
}) {
  // a subclass's routes are registered before the inherited ones: `summary` is not taken for an `:id`
  @Get('summary')
  @ApiOperation({ summary: 'Initiatives par statut et ressources mobilisées (heures, euros) sur une unité et ses sous-unités' })
  @ApiQuery({ name: 'orgUnit', required: false })
  summary(@CurrentUser() user: AuthUser, @Query() query: InitiativesSummaryQuery): Promise<InitiativesSummaryResponse> {
    return this.records.summary(user, query.orgUnit);
  }
}

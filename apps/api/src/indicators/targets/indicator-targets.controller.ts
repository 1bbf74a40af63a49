import { crudController } from '../../platform/http/crud-controller';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import { CreateIndicatorTargetDto, UpdateIndicatorTargetDto } from './indicator-target.dto';
import { INDICATOR_TARGET_SORTS, IndicatorTargetsService } from './indicator-targets.service';

export class IndicatorTargetsController extends crudController({
  path: 'indicator-targets',
  tag: 'indicateurs personnalisés',
  records: IndicatorTargetsService,
  Create: CreateIndicatorTargetDto,
  Update: UpdateIndicatorTargetDto,
  sorts: INDICATOR_TARGET_SORTS,
  defaultSort: { field: 'year', order: 'DESC' },
  summaries: {
    list: 'Cibles et seuils d’alerte par indicateur, unité et année (filtres : id, indicator, orgUnit, year)',
  },
  user: CurrentUser(),
  writers: Roles('admin', 'finance', 'director'),
}) {}

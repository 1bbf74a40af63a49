import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { UNIT_COST_SORTS, UnitCostsService } from './unit-costs.service';
import { CreateUnitCostDto, UpdateUnitCostDto } from './dto/unit-cost.dto';

export class UnitCostsController extends crudController({
  path: 'unit-costs',
  tag: 'méthodologie',
  records: UnitCostsService,
  Create: CreateUnitCostDto,
  Update: UpdateUnitCostDto,
  sorts: UNIT_COST_SORTS,
  defaultSort: { field: 'code', order: 'ASC' },
  summaries: {
    list: 'Bibliothèque des coûts unitaires, avec leurs sources (filtres : id, code)',
    create: 'Ajoute un coût unitaire (validé par le moteur ; recalcul complet programmé)',
  },
  user: CurrentUser(),
  writers: Roles('admin'),
}) {}

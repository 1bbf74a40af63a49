import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { OUTCOME_ASSUMPTION_SORTS, OutcomeAssumptionsService } from './outcome-assumptions.service';
import { CreateOutcomeAssumptionDto, UpdateOutcomeAssumptionDto } from './dto/outcome-assumption.dto';

export class OutcomeAssumptionsController extends crudController({
  path: 'outcome-assumptions',
  tag: 'méthodologie',
  records: OutcomeAssumptionsService,
  Create: CreateOutcomeAssumptionDto,
  Update: UpdateOutcomeAssumptionDto,
  sorts: OUTCOME_ASSUMPTION_SORTS,
  defaultSort: { field: 'code', order: 'ASC' },
  summaries: {
    list: 'Hypothèses de résultat par service, avec justification (filtres : id, service, code)',
    create: 'Ajoute une hypothèse (paramètres validés par le moteur, erreurs { path, message } ; recalcul complet programmé)',
  },
  user: CurrentUser(),
  writers: Roles('admin'),
}) {}

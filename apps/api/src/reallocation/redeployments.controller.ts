import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { RedeploymentsService } from './reallocation-records.service';
import { CreateRedeploymentDto, UpdateRedeploymentDto } from './dto/reallocation.dto';

export class RedeploymentsController extends crudController({
  path: 'redeployments',
  tag: 'réallocation',
  records: RedeploymentsService,
  Create: CreateRedeploymentDto,
  Update: UpdateRedeploymentDto,
  sorts: ['startDate', 'requestDate', 'agentRef', 'workingDays'],
  defaultSort: { field: 'startDate', order: 'DESC' },
  summaries: {
    list: 'Redéploiements d’agents (pseudonymes, jamais de noms) (filtres : id, agentRef, need)',
    create: 'Enregistre un redéploiement : agentRef est un pseudonyme (AG-0012), jamais un nom ni un e-mail',
  },
  user: CurrentUser(),
  writers: Roles('director', 'admin'),
}) {}

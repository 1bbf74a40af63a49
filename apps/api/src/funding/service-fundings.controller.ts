import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { SERVICE_FUNDING_SORTS } from './service-funding.repository';
import { ServiceFundingsService } from './service-fundings.service';
import { CreateServiceFundingDto, UpdateServiceFundingDto } from './dto/service-funding.dto';

export class ServiceFundingsController extends crudController({
  path: 'service-fundings',
  tag: 'financement',
  records: ServiceFundingsService,
  Create: CreateServiceFundingDto,
  Update: UpdateServiceFundingDto,
  sorts: SERVICE_FUNDING_SORTS,
  defaultSort: { field: 'year', order: 'DESC' },
  summaries: {
    list: 'Plans de financement : qui paie la dépense de chaque service, par année (filtres : id, service, year)',
    create: 'Enregistre le plan de financement d’un service pour une année ; les parts des payeurs totalisent 1',
  },
  user: CurrentUser(),
  writers: Roles('admin', 'finance'),
}) {}

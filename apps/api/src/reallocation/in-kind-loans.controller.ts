import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { InKindLoansService } from './reallocation-records.service';
import { CreateInKindLoanDto, UpdateInKindLoanDto } from './dto/reallocation.dto';

export class InKindLoansController extends crudController({
  path: 'in-kind-loans',
  tag: 'réallocation',
  records: InKindLoansService,
  Create: CreateInKindLoanDto,
  Update: UpdateInKindLoanDto,
  sorts: ['startDate', 'code', 'dailyValue'],
  defaultSort: { field: 'startDate', order: 'DESC' },
  summaries: {
    list: 'Mécénat public en nature : salles, véhicules, matériel prêtés (filtres : id, code)',
    create: 'Enregistre un prêt en nature',
  },
  user: CurrentUser(),
  writers: Roles('director', 'admin'),
}) {}

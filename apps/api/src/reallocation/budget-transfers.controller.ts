import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { BudgetTransfersService } from './reallocation-records.service';
import { CreateBudgetTransferDto, UpdateBudgetTransferDto } from './dto/reallocation.dto';

export class BudgetTransfersController extends crudController({
  path: 'budget-transfers',
  tag: 'réallocation',
  records: BudgetTransfersService,
  Create: CreateBudgetTransferDto,
  Update: UpdateBudgetTransferDto,
  sorts: ['decisionDate', 'code', 'amount', 'instrument'],
  defaultSort: { field: 'decisionDate', order: 'DESC' },
  summaries: {
    list: 'Virements de crédits et fongibilité (M57) (filtres : id, code, instrument)',
    create: 'Enregistre un virement ; une fongibilité touchant le chapitre 012 est signalée par les indicateurs',
  },
  user: CurrentUser(),
  writers: Roles('finance', 'admin'),
}) {}

import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { BUDGET_YEAR_SORTS, BudgetYearsService } from './budget-years.service';
import { CreateBudgetYearDto, UpdateBudgetYearDto } from './dto/budget-year.dto';

export class BudgetYearsController extends crudController({
  path: 'budget-years',
  tag: 'réallocation',
  records: BudgetYearsService,
  Create: CreateBudgetYearDto,
  Update: UpdateBudgetYearDto,
  sorts: BUDGET_YEAR_SORTS,
  defaultSort: { field: 'year', order: 'DESC' },
  summaries: {
    list: 'Budgets votés : dépenses réelles de fonctionnement par année, base du taux de fongibilité (filtres : id, year, section)',
    create: 'Enregistre les dépenses réelles de fonctionnement d’une année ; le taux de fongibilité de cette année les prend pour base',
  },
  user: CurrentUser(),
  writers: Roles('finance', 'admin'),
}) {}

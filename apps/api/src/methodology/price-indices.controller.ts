import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { PRICE_INDEX_SORTS, PriceIndicesService } from './price-indices.service';
import { CreatePriceIndexDto, UpdatePriceIndexDto } from './dto/price-index.dto';

export class PriceIndicesController extends crudController({
  path: 'price-indices',
  tag: 'méthodologie',
  records: PriceIndicesService,
  Create: CreatePriceIndexDto,
  Update: UpdatePriceIndexDto,
  sorts: PRICE_INDEX_SORTS,
  defaultSort: { field: 'year', order: 'ASC' },
  summaries: {
    list: 'Indices des prix annuels, euros constants (filtres : id, series, year)',
    create: 'Ajoute un indice annuel (recalcul complet programmé)',
  },
  user: CurrentUser(),
  writers: Roles('admin'),
}) {}

import { crudController } from '../platform/http/crud-controller';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { StaffNeedsService } from './reallocation-records.service';
import { CreateStaffNeedDto, UpdateStaffNeedDto } from './dto/reallocation.dto';

export class StaffNeedsController extends crudController({
  path: 'staff-needs',
  tag: 'réallocation',
  records: StaffNeedsService,
  Create: CreateStaffNeedDto,
  Update: UpdateStaffNeedDto,
  sorts: ['requestDate', 'code', 'fteDaysRequested', 'critical'],
  defaultSort: { field: 'requestDate', order: 'DESC' },
  summaries: {
    list: 'Besoins en personnel exprimés par les services (filtres : id, code, critical)',
    create: 'Exprime un besoin (recalcul de la réallocation programmé)',
  },
  user: CurrentUser(),
  writers: Roles('director', 'admin'),
}) {}

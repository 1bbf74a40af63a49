import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { ReallocationQuery } from '../../reallocation/dto/reallocation.dto';
import { ReallocationReadService } from './reallocation-read.service';
import type { Reallocation } from '@levier/contracts';
import { withIsoDates } from '../../platform/http/iso-dates.mapper';

@ApiTags('indicateurs')
@ApiBearerAuth()
@Controller('indicators')
export class ReallocationController {
  constructor(private readonly reallocation: ReallocationReadService) {}

  @Get('reallocation')
  @ApiOperation({
    summary: 'Indicateurs de réallocation (ETP redéployés, délais, couverture des besoins, fongibilité, flux par fonction, mécénat) et graphes Sankey',
  })
  read(@CurrentUser() user: AuthUser, @Query() query: ReallocationQuery): Promise<Reallocation> {
    return this.reallocation.read(user, query).then(withIsoDates);
  }
}

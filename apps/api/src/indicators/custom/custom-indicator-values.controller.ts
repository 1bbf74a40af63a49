import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { CustomIndicatorQuery } from './custom-indicator.dto';
import { CustomIndicatorValuesResponse, CustomIndicatorValuesService } from './custom-indicator-values.service';
import { withIsoDates } from '../../platform/http/iso-dates.mapper';

/** Reads next to the system indicators' (same `/api/indicators` prefix, distinct paths). */
@ApiTags('indicateurs')
@ApiBearerAuth()
@Controller('indicators')
export class CustomIndicatorValuesController {
  constructor(private readonly values: CustomIndicatorValuesService) {}

  @Get('custom')
  @ApiOperation({ summary: 'Valeurs des indicateurs personnalisés du périmètre : Σ numérateur / Σ dénominateur × facteur, total et série' })
  custom(@CurrentUser() user: AuthUser, @Query() query: CustomIndicatorQuery): Promise<CustomIndicatorValuesResponse> {
    return this.values.values(user, query).then(withIsoDates);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { PeriodYearInRange } from '../../platform/http/period-years';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { Completeness, CompletenessService } from './completeness.service';

export class CompletenessQueryDto {
  @IsString()
  @MaxLength(64)
  orgUnit: string;

  @IsString()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-[QT][1-4])?$/, { message: 'period doit être une période comme 2024-03, 2024-Q1 ou 2024.' })
  @PeriodYearInRange('period')
  period: string;
}

export type CompletenessResponse = Completeness;
const toCompletenessResponse = (c: Completeness): CompletenessResponse => ({ ...c, missing: c.missing.map((m) => ({ ...m })) });

@ApiTags('saisie')
@ApiBearerAuth()
@Controller('completeness')
export class CompletenessController {
  constructor(private readonly completeness: CompletenessService) {}

  @Get()
  @ApiOperation({ summary: 'Complétude d’une période : chiffres attendus (unités × services × indicateurs attendus) contre chiffres saisis' })
  async get(@CurrentUser() user: AuthUser, @Query() query: CompletenessQueryDto): Promise<CompletenessResponse> {
    return toCompletenessResponse(await this.completeness.compute(user, query.orgUnit, query.period));
  }
}

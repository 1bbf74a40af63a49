import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CODE, CODE_MESSAGE } from '../../methodology/dto/decimal-string';

export class InitiativesSummaryQuery {
  @ApiPropertyOptional({ example: 'VALMONT', description: 'Code de l’unité (par défaut : tout votre périmètre)' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('orgUnit') })
  orgUnit?: string;
}

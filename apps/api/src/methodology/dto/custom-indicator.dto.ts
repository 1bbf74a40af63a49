import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE, CODE_MESSAGE } from './decimal-string';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const PERIOD_MESSAGE = (field: string) => `${field} : période attendue au format AAAA, AAAA-Qn ou AAAA-MM`;

export class FormulaDto {
  @ApiProperty({ example: '#{spend.PORTAGE_REPAS}', description: 'Numérateur : expression sur des métriques #{code} ou #{code.SERVICE}' })
  @IsString()
  @MaxLength(2000)
  numerator: string;

  @ApiPropertyOptional({ example: '#{meals}', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  denominator?: string | null;

  @ApiPropertyOptional({ example: '100', nullable: true, description: 'Constante (ex. 100 pour un pourcentage)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  factor?: string | null;
}

export class CreateCustomIndicatorDto extends FormulaDto {
  @ApiProperty({ example: 'COUT_PAR_REPAS' })
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code: string;

  @ApiProperty({ example: 'Coût par repas livré' })
  @IsString()
  @MaxLength(200)
  label: string;

  @ApiProperty({ example: '€/repas' })
  @IsString()
  @MaxLength(32)
  unit: string;
}

export class UpdateCustomIndicatorDto extends PartialType(CreateCustomIndicatorDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class PreviewCustomIndicatorDto extends FormulaDto {
  @ApiPropertyOptional({ example: 'VALMONT' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2024-01' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ example: '2024-12' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE('to') })
  to?: string;
}

export class CustomIndicatorQuery {
  @ApiPropertyOptional({ example: 'VALMONT' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2024-01' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ example: '2024-12' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ description: 'Code d’un indicateur personnalisé (par défaut : tous)' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code?: string;

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year'], default: 'year' })
  @IsOptional()
  @Matches(/^(month|quarter|year)$/, { message: 'granularity : month, quarter ou year' })
  granularity?: 'month' | 'quarter' | 'year';
}

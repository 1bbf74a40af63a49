import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE, CODE_MESSAGE } from '../../methodology/dto/decimal-string';
import { ScopeRangeQuery } from '../../platform/http/scope-range.query';

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

export class PreviewCustomIndicatorDto extends IntersectionType(FormulaDto, ScopeRangeQuery) {}

export class CustomIndicatorQuery extends ScopeRangeQuery {
  @ApiPropertyOptional({ description: 'Code d’un indicateur personnalisé (par défaut : tous)' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code?: string;

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year'], default: 'year' })
  @IsOptional()
  @Matches(/^(month|quarter|year)$/, { message: 'granularity : month, quarter ou year' })
  granularity?: 'month' | 'quarter' | 'year';
}

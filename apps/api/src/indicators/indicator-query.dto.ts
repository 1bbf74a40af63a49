import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { HEADLINE_INDICATORS } from './indicator-formulas';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const PERIOD_MESSAGE = 'période attendue au format AAAA, AAAA-Qn ou AAAA-MM';

export class IndicatorScopeQuery {
  @ApiPropertyOptional({ description: 'Code de l’unité (par défaut : la racine de l’organisation)', example: 'VALMONT' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2024-01' })
  @IsOptional()
  @Matches(PERIOD, { message: `from : ${PERIOD_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2024-12' })
  @IsOptional()
  @Matches(PERIOD, { message: `to : ${PERIOD_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({ description: 'Code de service pour restreindre le périmètre' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  service?: string;

  @ApiPropertyOptional({ enum: ['current', 'reported'], description: 'current : méthode en vigueur ; reported : tel que publié (périodes approuvées)' })
  @IsOptional()
  @IsIn(['current', 'reported'], { message: 'basis : current ou reported' })
  basis?: 'current' | 'reported';
}

export class IndicatorSeriesQuery extends IndicatorScopeQuery {
  @ApiPropertyOptional({ enum: ['period', 'service', 'payer'] })
  @IsOptional()
  @IsIn(['period', 'service', 'payer'], { message: 'groupBy : period, service ou payer' })
  groupBy?: 'period' | 'service' | 'payer';

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year'] })
  @IsOptional()
  @IsIn(['month', 'quarter', 'year'], { message: 'granularity : month, quarter ou year' })
  granularity?: 'month' | 'quarter' | 'year';
}

export class IndicatorExplainQuery extends IndicatorScopeQuery {
  @ApiPropertyOptional({ enum: HEADLINE_INDICATORS })
  @IsOptional()
  @IsIn(HEADLINE_INDICATORS, { message: `indicator : ${HEADLINE_INDICATORS.join(', ')}` })
  indicator?: (typeof HEADLINE_INDICATORS)[number];
}

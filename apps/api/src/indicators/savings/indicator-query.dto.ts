import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HEADLINE_INDICATORS } from './indicator-formulas';
import { ScopeRangeQuery } from '../../platform/http/scope-range.query';

export class IndicatorScopeQuery extends ScopeRangeQuery {
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

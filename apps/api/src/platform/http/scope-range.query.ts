import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PeriodYearInRange } from './period-years';

/** A period code `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const PERIOD_CODE = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const periodMessage = (field: string): string => `${field} : période attendue au format AAAA, AAAA-Qn ou AAAA-MM`;

/** The scope of an indicator read: an org unit (its code) and an inclusive period range. */
export class ScopeRangeQuery {
  @ApiPropertyOptional({ description: 'Code de l’unité (par défaut : la racine de l’organisation)', example: 'VALMONT' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2024-01' })
  @IsOptional()
  @Matches(PERIOD_CODE, { message: periodMessage('from') })
  @PeriodYearInRange('from')
  from?: string;

  @ApiPropertyOptional({ example: '2024-12' })
  @IsOptional()
  @Matches(PERIOD_CODE, { message: periodMessage('to') })
  @PeriodYearInRange('to')
  to?: string;
}

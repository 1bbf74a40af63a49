import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PeriodYearInRange } from '../../platform/http/period-years';

/** `POST /api/periods/submit|approve|reopen`. A parent unit acts on every leaf unit under it. */
export class PeriodActionDto {
  @ApiProperty({ example: 'VALMONT-NORD' })
  @IsString({ message: 'orgUnit doit être le code d’une unité, par exemple "VALMONT-NORD".' })
  @MaxLength(64)
  orgUnit: string;

  @ApiProperty({ example: '2024-03', description: 'YYYY-MM, YYYY-Qn (ou YYYY-Tn) ou YYYY' })
  @IsString()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-[QT][1-4])?$/, { message: 'period doit être une période comme 2024-03, 2024-Q1 (ou 2024-T1) ou 2024.' })
  @PeriodYearInRange('period')
  period: string;

  @ApiPropertyOptional({ description: 'Motif, obligatoire pour rouvrir une période approuvée' })
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'Le motif doit compter au moins 3 caractères.' })
  @MaxLength(1000)
  reason?: string;
}

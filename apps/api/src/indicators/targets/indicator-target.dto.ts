import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PeriodYearInRange } from '../../platform/http/period-years';
import { CODE, CODE_MESSAGE, DECIMAL, DECIMAL_MESSAGE } from '../../methodology/dto/decimal-string';

export class CreateIndicatorTargetDto {
  @ApiProperty({ example: 'offsetRatio', description: 'Indicateur système (grossSavings, netSavings, offsetRatio…) ou code d’un indicateur personnalisé' })
  @Matches(CODE, { message: CODE_MESSAGE('indicator') })
  indicator: string;

  @ApiProperty({ example: 'VALMONT' })
  @IsString()
  @MaxLength(64)
  orgUnit: string;

  @ApiProperty({ example: 2024 })
  @IsInt({ message: 'year : année entière attendue' })
  @PeriodYearInRange('year')
  year: number;

  @ApiPropertyOptional({ example: '2.5', nullable: true })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('target') })
  target?: string | null;

  @ApiPropertyOptional({ example: '1.5', nullable: true, description: 'Alerte quand la valeur passe sous ce seuil' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('alertBelow') })
  alertBelow?: string | null;

  @ApiPropertyOptional({ example: '10', nullable: true, description: 'Alerte quand la valeur dépasse ce seuil' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('alertAbove') })
  alertAbove?: string | null;
}

export class UpdateIndicatorTargetDto extends PartialType(CreateIndicatorTargetDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class AlertsQuery {
  @ApiPropertyOptional({ example: 'VALMONT', description: 'Restreint aux cibles de cette unité' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgUnit?: string;

  @ApiProperty({ example: '2024' })
  @Matches(/^\d{4}$/, { message: 'year : année au format AAAA' })
  @PeriodYearInRange('year')
  year: string;
}

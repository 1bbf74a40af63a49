import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DATE, DATE_MESSAGE, DECIMAL, DECIMAL_MESSAGE } from './decimal-string';

export class MethodologyParametersDto {
  @ApiProperty({ example: 2024, description: 'Année des euros constants' })
  @IsInt({ message: 'parameters.baseYear : année entière attendue' })
  @Min(1900)
  @Max(2200)
  baseYear: number;

  @ApiProperty({ example: '0.032', description: 'Taux d’actualisation réel annuel (France Stratégie 2021 : 3,2 %)' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('parameters.discountRate') })
  discountRate: string;

  @ApiProperty({ enum: [0, 1], description: '0 : première année non actualisée ; 1 : actualisée une fois' })
  @IsIn([0, 1], { message: 'parameters.discountConvention : 0 ou 1' })
  discountConvention: 0 | 1;

  @ApiPropertyOptional({
    example: { '1': '0', '2': '0.05', '3': '0.10', '4': '0.15', '5': '0.25', '6': '0.40' },
    description: 'Biais d’optimisme par grade (remplace la table par défaut)',
  })
  @IsOptional()
  @IsObject({ message: 'parameters.optimismBias : objet { grade: "réduction" } attendu' })
  optimismBias?: Record<string, string>;

  @ApiPropertyOptional({
    enum: [1, 2],
    description:
      'Règles de calcul : 1 (par défaut, celles des chiffres déjà publiés) ; 2 : coûts de substitution, plans de financement, finances publiques à part, événements par type',
  })
  @IsOptional()
  @IsIn([1, 2], { message: 'parameters.conventions : 1 ou 2' })
  conventions?: 1 | 2;
}

export class PublishMethodologyVersionDto {
  @ApiProperty({ example: 'Méthode 2025' })
  @IsString()
  @MaxLength(200)
  label: string;

  @ApiProperty({ example: '2025-01-01' })
  @Matches(DATE, { message: DATE_MESSAGE('effectiveFrom') })
  effectiveFrom: string;

  @ApiProperty({ type: MethodologyParametersDto })
  @ValidateNested()
  @Type(() => MethodologyParametersDto)
  parameters: MethodologyParametersDto;
}

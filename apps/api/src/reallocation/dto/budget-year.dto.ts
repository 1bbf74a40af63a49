import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { BUDGET_YEAR_SECTIONS, BudgetYearSection } from '../budget-year.entity';

/** A strictly positive decimal written as a string (`"12500000.50"`): the base of a rate cannot be zero. */
const POSITIVE_DECIMAL = /^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,12})?$/;

export class CreateBudgetYearDto {
  @ApiProperty({ example: 2024 })
  @IsInt({ message: 'year : année entière attendue (ex. 2024)' })
  @Min(2000, { message: 'year : année comprise entre 2000 et 2100 attendue' })
  @Max(2100, { message: 'year : année comprise entre 2000 et 2100 attendue' })
  year: number;

  @ApiPropertyOptional({ enum: BUDGET_YEAR_SECTIONS, default: 'FONCTIONNEMENT' })
  @IsOptional()
  @IsIn(BUDGET_YEAR_SECTIONS, { message: 'section : seule la section FONCTIONNEMENT est prise en charge' })
  section?: BudgetYearSection;

  @ApiProperty({ example: '12500000', description: 'Dépenses réelles de fonctionnement de l’année (euros), votées ou réalisées' })
  @Matches(POSITIVE_DECIMAL, {
    message: 'realExpenditure : montant strictement positif attendu sous forme de texte, avec un point (ex. "12500000.50")',
  })
  realExpenditure: string;

  @ApiPropertyOptional({ example: 'Compte administratif 2024', nullable: true })
  @IsOptional()
  @IsString({ message: 'source : texte attendu' })
  @MaxLength(200, { message: 'source : 200 caractères au plus' })
  source?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'comment : texte attendu' })
  @MaxLength(1000, { message: 'comment : 1000 caractères au plus' })
  comment?: string | null;
}

export class UpdateBudgetYearDto extends PartialType(CreateBudgetYearDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

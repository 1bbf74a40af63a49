import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { UNIT_COST_NATURES, UnitCostNature } from '../unit-cost.entity';
import { CODE, CODE_MESSAGE, DATE, DATE_MESSAGE, DECIMAL, DECIMAL_MESSAGE } from './decimal-string';

export class CreateUnitCostDto {
  @ApiProperty({ example: 'JOURNEE_EHPAD' })
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  label: string;

  @ApiProperty({ example: 'jour' })
  @IsString()
  @MaxLength(48)
  unit: string;

  @ApiProperty({ example: '101' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('amount') })
  amount: string;

  @ApiPropertyOptional({
    example: '93.56',
    nullable: true,
    description: 'Montant bas, quand les sources divergent : à donner avec amountHigh, et amountLow ≤ amount ≤ amountHigh',
  })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('amountLow') })
  amountLow?: string | null;

  @ApiPropertyOptional({ example: '112.85', nullable: true, description: 'Montant haut, à donner avec amountLow' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('amountHigh') })
  amountHigh?: string | null;

  @ApiProperty({ example: 2013 })
  @IsInt({ message: 'priceYear : année entière attendue' })
  @Min(1900)
  @Max(2200)
  priceYear: number;

  @ApiProperty({ example: { ASSURANCE_MALADIE: '0.3', DEPARTEMENT: '0.15', USAGER: '0.55' }, description: 'Payeur → part (décimales sommant à 1)' })
  @IsObject({ message: 'payers : objet { PAYEUR: "part" } attendu' })
  payers: Record<string, string>;

  @ApiPropertyOptional({ example: '0.5', default: '1' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('cashableShare') })
  cashableShare?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 6, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  grade?: number | null;

  @ApiPropertyOptional({
    enum: UNIT_COST_NATURES,
    default: 'estimate',
    description:
      'estimate : estimation publiée (avec niveau de preuve) ; regulated_tariff : tarif réglementaire fixé par décret ou arrêté (sans niveau de preuve)',
  })
  @IsOptional()
  @IsIn(UNIT_COST_NATURES, { message: 'nature : estimate (estimation publiée) ou regulated_tariff (tarif réglementaire)' })
  nature?: UnitCostNature;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  sourceTitle: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  sourcePublisher: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Comment le montant a été lu ou calculé, ce que sont les bornes, réserves, validité' })
  @IsOptional()
  @IsString({ message: 'note : texte attendu' })
  @MaxLength(2000, { message: 'note : 2000 caractères au plus' })
  note?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE('validFrom') })
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE('validTo') })
  validTo?: string | null;
}

export class UpdateUnitCostDto extends PartialType(CreateUnitCostDto) {
  /** react-admin sends the whole record back, id included: accepted and ignored (the path names the row). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

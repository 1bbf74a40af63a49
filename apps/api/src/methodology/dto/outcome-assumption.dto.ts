import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE, CODE_MESSAGE } from './decimal-string';

export class CreateOutcomeAssumptionDto {
  @ApiProperty({ description: 'Code du service', example: 'SAAD' })
  @Matches(CODE, { message: CODE_MESSAGE('service') })
  service: string;

  @ApiProperty({ example: 'ENTREE_EHPAD' })
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  label: string;

  @ApiProperty({
    description:
      'Paramètres du résultat (levier-scenario/1) : mode, taux, engagement, effet d’aubaine, attribution, déplacement, quantité, coût unitaire, grade, durée, érosion',
    example: { mode: 'counterfactual', rateWithout: '0.30', rateWith: '0.12', unitCost: 'JOURNEE_EHPAD', quantityPerEvent: '182.5', grade: 3 },
  })
  @IsObject({ message: 'params : objet attendu' })
  params: Record<string, unknown>;

  @ApiProperty({ description: 'Pourquoi ces valeurs (obligatoire : affiché dans « Comment est-ce calculé ? »)' })
  @IsString()
  @MinLength(3, { message: 'justification : expliquez d’où viennent ces valeurs' })
  @MaxLength(5000)
  justification: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  evidence?: string | null;
}

export class UpdateOutcomeAssumptionDto extends PartialType(CreateOutcomeAssumptionDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

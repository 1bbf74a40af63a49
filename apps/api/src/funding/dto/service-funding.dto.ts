import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, registerDecorator, ValidationArguments } from 'class-validator';
import { checkFundingShares } from '../funding-shares';
import { FUNDING_PAYERS, FundingShares } from '../funding-plan';

/** `shares` checked by {@link checkFundingShares}: every reason in one French message, the field named first. */
const IsFundingShares = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isFundingShares',
    target: target.constructor,
    propertyName: String(propertyName),
    validator: {
      validate: (value: unknown) => checkFundingShares(value).ok,
      defaultMessage: (args?: ValidationArguments) => {
        const check = checkFundingShares(args?.value);
        return `${args?.property ?? 'shares'} : ${check.ok ? 'parts invalides' : check.errors.join(' ; ')}`;
      },
    },
  });

export class CreateServiceFundingDto {
  @ApiProperty({ example: 'SAAD', description: 'Code du service financé' })
  @IsString({ message: 'service : code de service attendu (ex. "SAAD")' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { message: 'service : code de service attendu (lettres, chiffres, _ . -, 64 caractères au plus)' })
  service: string;

  @ApiProperty({ example: 2024 })
  @IsInt({ message: 'year : année entière attendue (ex. 2024)' })
  @Min(2000, { message: 'year : année comprise entre 2000 et 2100 attendue' })
  @Max(2100, { message: 'year : année comprise entre 2000 et 2100 attendue' })
  year: number;

  @ApiProperty({
    example: { DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.10', USAGER: '0.25', COMMUNE_CCAS: '0.10' },
    description: `Payeur → part de la dépense du service (décimales en texte, entre 0 et 1, de somme exactement 1). Payeurs : ${FUNDING_PAYERS.join(', ')}`,
  })
  @IsFundingShares()
  shares: FundingShares;

  @ApiPropertyOptional({ nullable: true, example: 'APA et PCH selon le tarif départemental ; participations selon le barème CCAS' })
  @IsOptional()
  @IsString({ message: 'note : texte attendu' })
  @MaxLength(2000, { message: 'note : 2000 caractères au plus' })
  note?: string | null;
}

export class UpdateServiceFundingDto extends PartialType(CreateServiceFundingDto) {
  /** react-admin sends the whole record back, id included: accepted and ignored (the path names the row). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

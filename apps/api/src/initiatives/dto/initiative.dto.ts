import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE, CODE_MESSAGE, DATE, DATE_MESSAGE } from '../../methodology/dto/decimal-string';
import { INITIATIVE_STATUS_LABELS, INITIATIVE_STATUSES, InitiativeStatus } from '../initiative-status';

/** Hours: a non-negative decimal as text, at most two decimals. */
const HOURS = /^\d{1,9}(\.\d{1,2})?$/;
/** Euros: a non-negative amount as text, to the cent. */
const EUROS = /^\d{1,12}(\.\d{1,2})?$/;
const STATUS_MESSAGE = `status : statut inconnu : statuts possibles ${INITIATIVE_STATUSES.map((s) => `${s} (${INITIATIVE_STATUS_LABELS[s]})`).join(', ')}`;

export class CreateInitiativeDto {
  @ApiProperty({ example: 'Tournée de portage partagée avec la bibliothèque' })
  @IsString({ message: 'title : texte attendu' })
  @MinLength(1, { message: 'title : titre obligatoire' })
  @MaxLength(200, { message: 'title : 200 caractères au plus' })
  title: string;

  @ApiProperty({ example: 'VALMONT-NORD', description: 'Code de l’unité de l’équipe (qui peut lire et modifier l’initiative)' })
  @IsString({ message: 'orgUnit : code d’unité attendu' })
  @Matches(CODE, { message: CODE_MESSAGE('orgUnit') })
  orgUnit: string;

  @ApiProperty({ example: 'Équipe du portage, antenne nord' })
  @IsString({ message: 'team : texte attendu' })
  @MinLength(1, { message: 'team : équipe obligatoire' })
  @MaxLength(200, { message: 'team : 200 caractères au plus' })
  team: string;

  @ApiProperty({ example: 'PORTAGE_REPAS', description: 'Code du service concerné' })
  @IsString({ message: 'service : code de service attendu' })
  @Matches(CODE, { message: CODE_MESSAGE('service') })
  service: string;

  @ApiProperty({ example: '2024-03-01' })
  @IsString({ message: DATE_MESSAGE('startDate') })
  @Matches(DATE, { message: DATE_MESSAGE('startDate') })
  startDate: string;

  @ApiProperty({ enum: INITIATIVE_STATUSES, example: 'testing', description: 'idea (idée), testing (en test), adopted (adoptée), abandoned (abandonnée)' })
  @IsIn(INITIATIVE_STATUSES, { message: STATUS_MESSAGE })
  status: InitiativeStatus;

  @ApiPropertyOptional({ example: '12.5', description: 'Heures d’agents mobilisées (décimal en texte, ≥ 0)' })
  @IsOptional()
  @IsString({ message: 'hours : nombre d’heures attendu sous forme de texte, avec un point (ex. "12.5")' })
  @Matches(HOURS, { message: 'hours : nombre d’heures positif ou nul attendu sous forme de texte, deux décimales au plus (ex. "12.5")' })
  hours?: string;

  @ApiPropertyOptional({ example: '350.00', description: 'Euros dépensés (décimal en texte, ≥ 0, au centime)' })
  @IsOptional()
  @IsString({ message: 'euros : montant attendu sous forme de texte, avec un point (ex. "350.00")' })
  @Matches(EUROS, { message: 'euros : montant positif ou nul attendu sous forme de texte, au centime près (ex. "350.00")' })
  euros?: string;

  @ApiPropertyOptional({ nullable: true, example: 'Un véhicule de service deux demi-journées par semaine' })
  @IsOptional()
  @IsString({ message: 'itemsLent : texte attendu' })
  @MaxLength(2000, { message: 'itemsLent : 2000 caractères au plus' })
  itemsLent?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Douze personnes isolées visitées chaque semaine en plus du repas' })
  @IsOptional()
  @IsString({ message: 'results : texte attendu' })
  @MaxLength(4000, { message: 'results : 4000 caractères au plus' })
  results?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'beneficiaries', description: 'Code de l’indicateur (métrique) qui montre les résultats' })
  @IsOptional()
  @IsString({ message: 'metric : code de métrique attendu' })
  @MaxLength(96, { message: 'metric : 96 caractères au plus' })
  metric?: string | null;
}

export class UpdateInitiativeDto extends PartialType(CreateInitiativeDto) {
  /** react-admin sends the whole record back, id included: accepted and ignored (the path names the row). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PeriodYearInRange } from '../../platform/http/period-years';
import { CODE, CODE_MESSAGE, DATE, DATE_MESSAGE, DECIMAL, DECIMAL_MESSAGE } from '../../methodology/dto/decimal-string';
import { TRANSFER_INSTRUMENTS, TransferInstrument } from '../budget-transfer.entity';

/**
 * A pseudonymous agent reference (`AG-0012`): capitals, digits, `-` and `_`, at least one digit. It cannot hold an
 * e-mail address (no `@`, no lower case) nor a plain surname (a digit is required): docs/product-rules.md#domain-model, agents are never named.
 */
export const AGENT_REF = /^(?=[A-Z0-9_-]*\d)[A-Z0-9][A-Z0-9_-]{1,31}$/;

const CHAPTER = /^\d{2,3}$/;
const FUNCTION = /^\d{1,6}$/;

export class CreateStaffNeedDto {
  @ApiProperty({ example: 'BESOIN-PORTAGE-ETE' })
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code: string;

  @ApiProperty({ example: 'Renfort portage de repas (été)' })
  @IsString()
  @MaxLength(200)
  label: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  critical?: boolean;

  @ApiProperty({ example: '60' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('fteDaysRequested') })
  fteDaysRequested: string;

  @ApiPropertyOptional({ description: 'Code du service demandeur', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('service') })
  service?: string | null;

  @ApiPropertyOptional({ description: 'Code de l’unité demandeuse', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('orgUnit') })
  orgUnit?: string | null;

  @ApiProperty({ example: '2024-06-01' })
  @Matches(DATE, { message: DATE_MESSAGE('requestDate') })
  requestDate: string;
}

export class UpdateStaffNeedDto extends PartialType(CreateStaffNeedDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CreateRedeploymentDto {
  @ApiProperty({ example: 'AG-0012', description: 'Pseudonyme de l’agent, jamais un nom ni une adresse e-mail' })
  @Matches(AGENT_REF, {
    message: 'agentRef : pseudonyme attendu (ex. AG-0012 : majuscules, chiffres, - et _, au moins un chiffre), jamais un nom ni une adresse e-mail',
  })
  agentRef: string;

  @ApiPropertyOptional({ description: 'Code du besoin couvert', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('need') })
  need?: string | null;

  @ApiPropertyOptional({ description: 'Code du service d’origine', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('fromService') })
  fromService?: string | null;

  @ApiPropertyOptional({ description: 'Code du service d’accueil', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('toService') })
  toService?: string | null;

  @ApiPropertyOptional({ description: 'Partenaire d’accueil (hors organisation)', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toPartner?: string | null;

  @ApiProperty({ example: '20' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('workingDays') })
  workingDays: string;

  @ApiPropertyOptional({ example: '1', default: '1' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('quotite') })
  quotite?: string;

  @ApiProperty({ example: '2024-03-01' })
  @Matches(DATE, { message: DATE_MESSAGE('requestDate') })
  requestDate: string;

  @ApiProperty({ example: '2024-03-04' })
  @Matches(DATE, { message: DATE_MESSAGE('startDate') })
  startDate: string;

  @ApiProperty()
  @IsBoolean()
  volunteer: boolean;

  @ApiProperty({ example: '180', description: 'Coût journalier chargé de l’agent' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('dailyCost') })
  dailyCost: string;
}

export class UpdateRedeploymentDto extends PartialType(CreateRedeploymentDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CreateBudgetTransferDto {
  @ApiProperty({ example: 'VIR-2024-01' })
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code: string;

  @ApiProperty({ enum: TRANSFER_INSTRUMENTS })
  @IsIn(TRANSFER_INSTRUMENTS, { message: `instrument : ${TRANSFER_INSTRUMENTS.join(', ')}` })
  instrument: TransferInstrument;

  @ApiPropertyOptional({ enum: ['FONCTIONNEMENT', 'INVESTISSEMENT'], default: 'FONCTIONNEMENT' })
  @IsOptional()
  @IsIn(['FONCTIONNEMENT', 'INVESTISSEMENT'], { message: 'section : FONCTIONNEMENT ou INVESTISSEMENT' })
  section?: string;

  @ApiProperty({ example: '65' })
  @Matches(CHAPTER, { message: 'fromChapter : chapitre M57 attendu (2 ou 3 chiffres, ex. 012, 65)' })
  fromChapter: string;

  @ApiPropertyOptional({ example: '4221', nullable: true })
  @IsOptional()
  @Matches(FUNCTION, { message: 'fromFunction : fonction M57 attendue (chiffres, ex. 423)' })
  fromFunction?: string | null;

  @ApiProperty({ example: '65' })
  @Matches(CHAPTER, { message: 'toChapter : chapitre M57 attendu (2 ou 3 chiffres, ex. 012, 65)' })
  toChapter: string;

  @ApiPropertyOptional({ example: '423', nullable: true })
  @IsOptional()
  @Matches(FUNCTION, { message: 'toFunction : fonction M57 attendue (chiffres, ex. 423)' })
  toFunction?: string | null;

  @ApiProperty({ example: '150000' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('amount') })
  amount: string;

  @ApiProperty({ example: '2024-05-15' })
  @Matches(DATE, { message: DATE_MESSAGE('decisionDate') })
  decisionDate: string;
}

export class UpdateBudgetTransferDto extends PartialType(CreateBudgetTransferDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CreateInKindLoanDto {
  @ApiProperty({ example: 'PRET-SALLE-01' })
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code: string;

  @ApiProperty({ example: 'Salle polyvalente' })
  @IsString()
  @MaxLength(200)
  item: string;

  @ApiProperty({ example: 'Association Les Restos du Cœur' })
  @IsString()
  @MaxLength(200)
  toPartner: string;

  @ApiProperty({ example: '30' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('days') })
  days: string;

  @ApiProperty({ example: '1' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('quantity') })
  quantity: string;

  @ApiProperty({ example: '120' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('dailyValue') })
  dailyValue: string;

  @ApiProperty({ example: '2024-09-01' })
  @Matches(DATE, { message: DATE_MESSAGE('startDate') })
  startDate: string;
}

export class UpdateInKindLoanDto extends PartialType(CreateInKindLoanDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

export class ReallocationQuery {
  @ApiPropertyOptional({ example: '2024', description: 'Année AAAA ou mois AAAA-MM (par défaut : la dernière année calculée)' })
  @IsOptional()
  @Matches(PERIOD, { message: 'from : période attendue au format AAAA ou AAAA-MM' })
  @PeriodYearInRange('from')
  from?: string;

  @ApiPropertyOptional({ example: '2024' })
  @IsOptional()
  @Matches(PERIOD, { message: 'to : période attendue au format AAAA ou AAAA-MM' })
  @PeriodYearInRange('to')
  to?: string;
}

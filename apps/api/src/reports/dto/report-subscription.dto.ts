import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { PeriodYearInRange } from '../../platform/http/period-years';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';
import { REPORT_DOCUMENTS } from '../report-documents';
import { DEFAULT_REPORT_LANGUAGE, REPORT_FORMATS, REPORT_INDICATORS, REPORT_LANGUAGES, ReportLanguage } from '../report-content';
import { cronProblem, DEFAULT_REPORT_SCHEDULE } from '../report-schedule';
import { REPORT_COVERAGES, ReportCoverage } from '../report-period';

@ValidatorConstraint({ name: 'cron' })
class CronConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.length <= 64 && cronProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string' && args.value.length <= 64
      ? (cronProblem(args.value) ?? 'planification invalide')
      : 'schedule : une expression cron de 64 caractères au plus, par exemple « 0 8 1 * * »';
  }
}

const trimmedLowerList = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)))] : value;
const trimmedList = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** `POST /api/report-subscriptions` (docs/product-rules.md#interfaces): `{ name, recipients, orgUnits, schedule, formats? }` and the optional rest. */
export class CreateReportSubscriptionDto {
  @ApiProperty({ example: 'Rapport mensuel du conseil d’administration' })
  @IsString({ message: 'name : un texte est attendu' })
  @IsNotEmpty({ message: 'name : le nom est obligatoire' })
  @MaxLength(200, { message: 'name : 200 caractères au plus' })
  name: string;

  @ApiProperty({
    type: [String],
    example: ['directeur@valmont.demo', 'elu@mairie-valmont.fr'],
    description: 'Adresses des destinataires : comptes Levier ou adresses simples',
  })
  @Transform(trimmedLowerList)
  @IsArray({ message: 'recipients : une liste d’adresses est attendue' })
  @ArrayMinSize(1, { message: 'recipients : au moins un destinataire' })
  @ArrayMaxSize(200, { message: 'recipients : 200 destinataires au plus' })
  @MaxLength(254, { each: true, message: 'recipients : 254 caractères au plus par adresse' })
  @IsEmail({}, { each: true, message: 'recipients : « $value » n’est pas une adresse e-mail valide' })
  recipients: string[];

  @ApiProperty({ type: [String], example: ['VALMONT'], description: 'Codes des unités du périmètre' })
  @Transform(trimmedList)
  @IsArray({ message: 'orgUnits : une liste de codes d’unités est attendue' })
  @ArrayMinSize(1, { message: 'orgUnits : au moins une unité' })
  @ArrayMaxSize(50, { message: 'orgUnits : 50 unités au plus' })
  @ArrayUnique({ message: 'orgUnits : chaque unité une seule fois' })
  @IsString({ each: true, message: 'orgUnits : des codes (textes) sont attendus' })
  @MaxLength(64, { each: true, message: 'orgUnits : 64 caractères au plus par code' })
  orgUnits: string[];

  @ApiPropertyOptional({ type: [String], description: 'Codes de services pour restreindre le périmètre (vide : tous)' })
  @IsOptional()
  @Transform(trimmedList)
  @IsArray({ message: 'services : une liste de codes est attendue' })
  @ArrayMaxSize(50, { message: 'services : 50 services au plus' })
  @ArrayUnique({ message: 'services : chaque service une seule fois' })
  @IsString({ each: true, message: 'services : des codes (textes) sont attendus' })
  @MaxLength(64, { each: true, message: 'services : 64 caractères au plus par code' })
  services?: string[];

  @ApiPropertyOptional({
    enum: REPORT_INDICATORS,
    isArray: true,
    description: 'Indicateurs affichés (vide : coûts évités (bruts), coût des services, épargne médico-sociale nette, coûts évités pour 1 € investi)',
  })
  @IsOptional()
  @IsArray({ message: 'indicators : une liste est attendue' })
  @ArrayUnique({ message: 'indicators : chaque indicateur une seule fois' })
  @IsIn(REPORT_INDICATORS, { each: true, message: `indicators : valeurs possibles ${REPORT_INDICATORS.join(', ')}` })
  indicators?: string[];

  @ApiPropertyOptional({ example: DEFAULT_REPORT_SCHEDULE, description: 'Expression cron, heure de Paris (par défaut : le 1er du mois à 8 h)' })
  @IsOptional()
  @IsString({ message: 'schedule : une expression cron est attendue' })
  @Validate(CronConstraint)
  schedule?: string;

  @ApiPropertyOptional({
    enum: REPORT_COVERAGES,
    default: 'month',
    description:
      'Période couverte par chaque rapport : month (dernier mois complet), quarter (dernier trimestre complet), year (dernière année complète), year_to_date (cumul depuis janvier)',
  })
  @IsOptional()
  @IsIn(REPORT_COVERAGES, {
    message:
      'periodCovered : month (dernier mois complet), quarter (dernier trimestre complet), year (dernière année complète) ou year_to_date (depuis janvier)',
  })
  periodCovered?: ReportCoverage;

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    default: DEFAULT_REPORT_LANGUAGE,
    description: 'Langue des courriels, pièces jointes et pages de désabonnement',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'language : langue du rapport attendue, fr ou en (français par défaut)' })
  language?: ReportLanguage;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, isArray: true, default: ['pdf', 'xlsx'] })
  @IsOptional()
  @IsArray({ message: 'formats : une liste est attendue' })
  @ArrayUnique({ message: 'formats : chaque format une seule fois' })
  @IsIn(REPORT_FORMATS, { each: true, message: `formats : valeurs possibles ${REPORT_FORMATS.join(', ')}` })
  formats?: string[];

  @ApiPropertyOptional({ enum: REPORT_DOCUMENTS, isArray: true, default: [], description: 'Documents joints à chaque rapport' })
  @IsOptional()
  @IsArray({ message: 'documents : une liste est attendue' })
  @ArrayUnique({ message: 'documents : chaque document une seule fois' })
  @IsIn(REPORT_DOCUMENTS, { each: true, message: `documents : valeurs possibles ${REPORT_DOCUMENTS.join(', ')}` })
  documents?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active : true ou false' })
  active?: boolean;
}

/** `PUT /api/report-subscriptions/:id`: any subset; react-admin's read-only fields are accepted and ignored. */
export class UpdateReportSubscriptionDto extends PartialType(CreateReportSubscriptionDto) {
  @IsOptional() id?: unknown;
  @IsOptional() timezone?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() createdBy?: unknown;
  @IsOptional() lastDispatchedAt?: unknown;
  @IsOptional() nextRunAt?: unknown;
}

/** `POST /api/report-subscriptions/:id/send`: optional period (default: the last complete month with data). */
export class SendReportDto {
  @ApiPropertyOptional({
    example: '2024-12',
    description: 'Période couverte : AAAA-MM, AAAA-Qn ou AAAA (par défaut : le dernier mois complet disposant de données)',
  })
  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'period : période attendue au format AAAA, AAAA-Qn ou AAAA-MM' })
  @PeriodYearInRange('period')
  period?: string;
}

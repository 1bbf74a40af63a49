import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DecimalInput } from './decimal-input';

/** Most rows one JSON request may carry (the JSON body is also capped at 2 MB); bigger batches go as a file. */
export const JSON_MAX_ROWS = 20_000;
export const JSON_SOURCES = ['api', 'grid', 'form'] as const;
export type JsonSource = (typeof JSON_SOURCES)[number];

export class FigureInputDto {
  @ApiProperty({ example: 'VALMONT-NORD' })
  @IsString({ message: 'orgUnit doit être le code d’une unité, par exemple "VALMONT-NORD".' })
  @MaxLength(64)
  orgUnit: string;

  @ApiProperty({ example: 'SAAD' })
  @IsString({ message: 'service doit être le code d’un service, par exemple "SAAD".' })
  @MaxLength(64)
  service: string;

  @ApiProperty({ example: 'spend' })
  @IsString({ message: 'metric doit être le code d’un indicateur, par exemple "spend".' })
  @MaxLength(96)
  metric: string;

  @ApiProperty({ example: '2024-03' })
  @IsString({ message: 'period doit être un texte, par exemple "2024-03" ou "2024-T1".' })
  @MaxLength(32)
  period: string;

  @ApiProperty({ example: '48912.35', oneOf: [{ type: 'string' }, { type: 'number' }] })
  @DecimalInput()
  value: string;

  @ApiPropertyOptional({ example: 'saisie DAF' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

/** JSON body of `POST /api/submissions` (a file goes as multipart `file` instead). */
export class SubmitFiguresDto {
  @ApiPropertyOptional({ type: [FigureInputDto] })
  @IsOptional()
  @IsArray({ message: 'figures doit être une liste de chiffres { orgUnit, service, metric, period, value, comment? }.' })
  @ArrayMinSize(1, { message: 'figures est vide : envoyez au moins un chiffre.' })
  @ArrayMaxSize(JSON_MAX_ROWS, {
    message: `Au plus ${JSON_MAX_ROWS} chiffres par requête JSON : envoyez les suivants dans une autre requête ou importez un fichier.`,
  })
  // without IsObject, an element that is itself an array (`[[]]`) passed ValidateNested with none of its fields checked
  @IsObject({ each: true, message: 'Chaque élément de figures doit être un objet { orgUnit, service, metric, period, value, comment? }.' })
  @ValidateNested({ each: true })
  @Type(() => FigureInputDto)
  figures?: FigureInputDto[];

  @ApiPropertyOptional({ enum: JSON_SOURCES, default: 'api' })
  @IsOptional()
  @IsIn(JSON_SOURCES, { message: 'source doit valoir api, grid ou form.' })
  source?: JsonSource;

  @ApiPropertyOptional({ description: 'Identifiant d’un modèle d’import enregistré (GET /api/import-templates), pour un fichier.' })
  @IsOptional()
  @IsString({ message: 'template doit être l’identifiant d’un modèle d’import enregistré.' })
  @MaxLength(64)
  template?: string;

  @ApiPropertyOptional({
    description:
      'Correspondance des colonnes d’un fichier (objet JSON, ou texte JSON en multipart) : { layout: long | periods_as_columns | metrics_as_columns, headerLine?, columns: { service: "Prestation", … }, constants?: { orgUnit: "VALMONT-NORD" }, ignore?, skipLines? }',
  })
  @IsOptional()
  mapping?: unknown;
}

/** Body of `POST /api/submissions/:id/apply`. */
export class ApplySubmissionDto {
  @ApiPropertyOptional({ description: 'Vrai pour confirmer le remplacement des valeurs déjà saisies que l’aperçu annonce.' })
  @IsOptional()
  @IsBoolean({ message: 'confirmOverwrite doit valoir true ou false.' })
  confirmOverwrite?: boolean;
}

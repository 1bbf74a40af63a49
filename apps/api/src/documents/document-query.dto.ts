import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ScopeRangeQuery } from '../platform/http/scope-range.query';
import { PeriodYearInRange } from '../platform/http/period-years';

export const DOCUMENT_FORMATS = ['pdf', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export class DossierQuery extends ScopeRangeQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: 'format : pdf ou html' })
  format?: DocumentFormat;
}

export class DocumentYearQuery {
  @ApiProperty({ example: '2024', description: 'Exercice (année civile)' })
  @Matches(/^\d{4}$/, { message: 'year : année à quatre chiffres attendue (ex. 2024)' })
  @PeriodYearInRange('year')
  year: string;

  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: 'format : pdf ou html' })
  format?: DocumentFormat;
}

export class NoteConseilQuery {
  @ApiProperty({ description: 'Identifiant de la simulation enregistrée' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'simulation : identifiant de simulation enregistrée attendu' })
  simulation: string;

  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: 'format : pdf ou html' })
  format?: DocumentFormat;
}

export const EXPORT_CHARTS = ['summary', 'series', 'services', 'payers', 'ledger'] as const;
export type ExportChart = (typeof EXPORT_CHARTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ChartExportQuery extends ScopeRangeQuery {
  @ApiProperty({ enum: EXPORT_CHARTS })
  @IsIn(EXPORT_CHARTS, { message: `chart : ${EXPORT_CHARTS.join(', ')}` })
  chart: ExportChart;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'format : csv ou xlsx' })
  format?: ExportFormat;
}

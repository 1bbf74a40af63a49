import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DecimalInput } from './decimal-input';

/**
 * `PUT /api/figures/:id`: the value (decimal string, or a number turned into one at 15 significant digits), a comment,
 * a reason for the audit log. react-admin sends the whole record back: its read-only fields are accepted and ignored.
 */
export class UpdateFigureDto {
  @ApiProperty({ example: '48912.35', oneOf: [{ type: 'string' }, { type: 'number' }] })
  @DecimalInput()
  value: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string | null;

  @ApiPropertyOptional({ description: 'Motif de la correction, gardé dans le journal d’audit' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  // Read-only fields of the record, ignored.
  @IsOptional() id?: unknown;
  @IsOptional() orgUnit?: unknown;
  @IsOptional() service?: unknown;
  @IsOptional() metric?: unknown;
  @IsOptional() period?: unknown;
  @IsOptional() status?: unknown;
  @IsOptional() source?: unknown;
  @IsOptional() updatedAt?: unknown;
  @IsOptional() submissionId?: unknown;
  @IsOptional() updatedBy?: unknown;
  @IsOptional() updatedByName?: unknown;
  @IsOptional() orgUnitLabel?: unknown;
  @IsOptional() serviceLabel?: unknown;
  @IsOptional() metricLabel?: unknown;
  @IsOptional() metricUnit?: unknown;
}

import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE, CODE_MESSAGE, DECIMAL, DECIMAL_MESSAGE } from './decimal-string';

export class CreatePriceIndexDto {
  @ApiPropertyOptional({ default: 'INSEE_IPC_HORS_TABAC' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('series') })
  series?: string;

  @ApiProperty({ example: 2024 })
  @IsInt({ message: 'year : année entière attendue' })
  @Min(1900)
  @Max(2200)
  year: number;

  @ApiProperty({ example: '119.5' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE('value') })
  value: string;

  @ApiProperty({ example: '2015=100' })
  @IsString()
  @MaxLength(64)
  base: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string | null;
}

export class UpdatePriceIndexDto extends PartialType(CreatePriceIndexDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  id?: string;
}

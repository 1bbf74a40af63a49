import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ScopeRangeQuery } from '../../platform/http/scope-range.query';

const LEVERS_EXAMPLE = [
  { kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' },
  { kind: 'scale', service: 'SAAD', factor: '1.2' },
  { kind: 'redeploy', fromService: 'AED', toService: 'SAAD', fteDays: '40', dailyCost: '185' },
];
const LEVERS_MESSAGE = 'levers : une liste de leviers est attendue, par exemple [{"kind":"scale","service":"SAAD","factor":"1.2"}].';

/**
 * `POST /api/simulations/preview`: a scope (org unit and inclusive period range, as the dashboard's) and levers. Each
 * lever is read by the engine's `parseLevers`, whose French messages name the lever and the reason.
 */
export class SimulationPreviewDto extends ScopeRangeQuery {
  @ApiProperty({
    example: LEVERS_EXAMPLE,
    description: 'Leviers : scale (service, factor), move (fromService, toService, amount, chapter ?), redeploy (fromService, toService, fteDays, dailyCost)',
  })
  @IsDefined({ message: LEVERS_MESSAGE })
  @IsArray({ message: LEVERS_MESSAGE })
  levers: unknown[];
}

/** The scope of a saved simulation. */
export class SimulationScopeDto extends ScopeRangeQuery {}

/** `POST /api/simulations`: a name, a scope and levers; refused whole (400) when a lever cannot be applied. */
export class CreateSimulationDto {
  @ApiProperty({ example: 'Portage → SAAD, 50 000 €' })
  @IsString({ message: 'name : un nom est attendu.' })
  @MinLength(1, { message: 'name : un nom est attendu.' })
  @MaxLength(200, { message: 'name : 200 caractères au plus.' })
  name: string;

  @ApiPropertyOptional({ example: { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' } })
  @IsDefined({ message: 'scope : le périmètre { orgUnit, from, to } est attendu.' })
  @IsObject({ message: 'scope : le périmètre { orgUnit, from, to } est attendu.' })
  @ValidateNested()
  @Type(() => SimulationScopeDto)
  scope: SimulationScopeDto;

  @ApiProperty({ example: LEVERS_EXAMPLE })
  @IsDefined({ message: LEVERS_MESSAGE })
  @IsArray({ message: LEVERS_MESSAGE })
  levers: unknown[];
}

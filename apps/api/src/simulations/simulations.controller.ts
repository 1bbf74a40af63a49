import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import { CreateSimulationDto, SimulationPreviewDto } from './dto/simulation.dto';
import { SavedSimulationResponse, toSavedSimulationResponse } from './saved-simulation';
import { SIMULATION_ROLES, SIMULATION_SORTS, SimulationAnswer, SimulationResponse, SimulationsService } from './simulations.service';

const NOT_FOUND = 'Simulation introuvable.';

/**
 * The lever simulator (issue 18): previews and saved simulations, for the finance, director and admin roles only. A
 * viewer reads neither: a simulation is a working document of the budget debate, not a published figure (a draft that
 * is not communicable before the decision it prepares), and its levers name amounts that are not voted.
 */
@ApiTags('simulations')
@ApiBearerAuth()
@Controller('simulations')
@Roles(...SIMULATION_ROLES)
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Aperçu : baseline, simulated, delta (agrégats Méthode 2 avec ledger et services), ranges, checks (fongibilité)' })
  preview(@CurrentUser() user: AuthUser, @Body() dto: SimulationPreviewDto): Promise<SimulationAnswer> {
    return this.simulations.preview(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Simulations enregistrées du périmètre de l’utilisateur (filtres : id)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<SimulationResponse[]> {
    const query = parseListQuery(raw, { sortable: SIMULATION_SORTS, defaultSort: { field: 'createdAt', order: 'DESC' } });
    const page = await this.simulations.list(user, query);
    setContentRange(res, 'simulations', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une simulation, recalculée sur les données et la méthode en vigueur' })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam(NOT_FOUND)) id: string): Promise<SavedSimulationResponse> {
    return toSavedSimulationResponse(await this.simulations.get(user, id));
  }

  @Post()
  @ApiOperation({ summary: 'Enregistre une simulation (nom, périmètre, leviers) ; 201 { id }' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSimulationDto): Promise<{ id: string }> {
    return this.simulations.create(user, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Supprime une simulation enregistrée' })
  remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam(NOT_FOUND)) id: string): Promise<SimulationResponse> {
    return this.simulations.remove(user, id);
  }
}

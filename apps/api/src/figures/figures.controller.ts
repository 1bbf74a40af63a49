import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import { FiguresService } from './figures.service';
import { FigureResponse, toFigureResponse } from './figure.mapper';
import { UpdateFigureDto } from './dto/update-figure.dto';
import { FIGURE_WRITER_ROLES } from './figure.entity';
import { FigureChangeResponse, toFigureChangeResponse } from './history.repository';

@ApiTags('saisie')
@ApiBearerAuth()
@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @ApiOperation({
    summary: 'Chiffres saisis ; filter={"orgUnit","service","metric","period" (texte ou liste),"periodFrom","periodTo","status","source"} par codes',
  })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<FigureResponse[]> {
    const query = parseListQuery(raw, {
      sortable: ['period', 'orgUnit', 'service', 'metric', 'value', 'status', 'updatedAt'] as const,
      defaultSort: { field: 'period', order: 'DESC' },
      maxPage: 5000,
    });
    const page = await this.figures.list(user, query);
    setContentRange(res, 'figures', query.offset, page.rows.length, page.total);
    return page.rows.map(toFigureResponse);
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Chiffre introuvable.')) id: string): Promise<FigureResponse> {
    return toFigureResponse(await this.figures.get(user, id));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Historique d’un chiffre : qui, quand, ancienne → nouvelle valeur, par quelle soumission, avec le motif de réouverture' })
  async history(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Chiffre introuvable.')) id: string): Promise<FigureChangeResponse[]> {
    return (await this.figures.history(user, id)).map(toFigureChangeResponse);
  }

  @Put(':id')
  @Roles(...FIGURE_WRITER_ROLES)
  @ApiOperation({ summary: 'Corrige un chiffre (transaction auditée, enregistrée comme soumission « form » ; 409 si la période est approuvée)' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('Chiffre introuvable.')) id: string,
    @Body() dto: UpdateFigureDto,
  ): Promise<FigureResponse> {
    return toFigureResponse(await this.figures.update(user, id, dto));
  }
}

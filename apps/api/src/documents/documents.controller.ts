import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { SIMULATION_ROLES } from '../simulations/simulations.service';
import type { AuthUser } from '../tenancy/auth-user';
import { ChartExportQuery, DocumentYearQuery, DossierQuery, NoteConseilQuery } from './document-query.dto';
import { DocumentsService, RenderedDocument } from './documents.service';
import { ChartExportService } from './chart-export.service';
import { languageFromHeader } from './document-words';

/** Sends a rendered file: type, attachment name (ASCII and UTF-8), and the content hash in `X-Content-Hash`. */
const send = (res: Response, file: Pick<RenderedDocument, 'content' | 'contentType' | 'fileName' | 'hash'>, inline = false): void => {
  const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('X-Content-Hash', file.hash);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition, X-Content-Hash');
  res.send(file.content);
};

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('dossier-methodologique')
  @ApiOperation({ summary: 'Dossier méthodologique d’un périmètre et d’une période (PDF ou HTML), horodaté et signé d’une empreinte SHA-256' })
  async dossier(
    @CurrentUser() user: AuthUser,
    @Query() query: DossierQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.documents.dossier(user, query, languageFromHeader(acceptLanguage), query.format ?? 'pdf'), query.format === 'html');
  }

  @Get('fongibilite')
  @ApiOperation({ summary: 'État des mouvements de fongibilité d’un exercice, à annexer à la délibération (art. L.5217-10-6 CGCT)' })
  async fongibilite(
    @CurrentUser() user: AuthUser,
    @Query() query: DocumentYearQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const document = await this.documents.fongibilite(user, Number(query.year), languageFromHeader(acceptLanguage));
    send(res, await this.documents.render(document, query.format ?? 'pdf'), query.format === 'html');
  }

  @Get('prets-en-nature')
  @ApiOperation({ summary: 'Annexe des prêts en nature d’un exercice, par partenaire' })
  async inKind(
    @CurrentUser() user: AuthUser,
    @Query() query: DocumentYearQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const document = await this.documents.inKind(user, Number(query.year), languageFromHeader(acceptLanguage));
    send(res, await this.documents.render(document, query.format ?? 'pdf'), query.format === 'html');
  }

  @Get('note-conseil')
  @Roles(...SIMULATION_ROLES)
  @ApiOperation({
    summary:
      'Note pour le conseil d’une simulation enregistrée : leviers, situation actuelle et simulée par payeur, fourchettes, contrôles juridiques, hypothèses clés',
  })
  async noteConseil(
    @CurrentUser() user: AuthUser,
    @Query() query: NoteConseilQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.documents.noteConseil(user, query.simulation, languageFromHeader(acceptLanguage), query.format ?? 'pdf'), query.format === 'html');
  }
}

@ApiTags('indicateurs')
@Controller('indicators')
export class ChartExportController {
  constructor(private readonly exports: ChartExportService) {}

  @Get('export')
  @ApiOperation({ summary: 'Données d’un graphique du tableau de bord en CSV (UTF-8 avec BOM, « ; », virgule décimale) ou XLSX, horodatées' })
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: ChartExportQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    send(res, await this.exports.export(user, query, query.chart, query.format ?? 'csv', languageFromHeader(acceptLanguage)));
  }
}

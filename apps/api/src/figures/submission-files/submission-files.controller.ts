import { Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { uuidParam } from '../../platform/http/uuid-param.pipe';
import { PeriodYearInRange } from '../../platform/http/period-years';
import { SubmissionsService, UploadedFigureFile } from '../submissions.service';
import { UploadErrorsInterceptor } from '../upload-errors.interceptor';
import { FileInspectionResponse, SubmissionInspectService } from './submission-inspect.service';
import { periodLabel } from '../period-label';
import { ROW_ERROR_HEADER, rowErrorRows } from './row-error-report';
import { SheetFile, SpreadsheetFormat, writeSheet } from './spreadsheet-file';
import { SubmissionTemplateService, templateHeader } from './submission-template.service';

export class SheetFormatQueryDto {
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'format doit valoir csv ou xlsx.' })
  format?: SpreadsheetFormat;
}

export class TemplateQueryDto extends SheetFormatQueryDto {
  @IsString({ message: 'period : indiquez la période du modèle, par exemple 2024-03 ou 2024-T1.' })
  @Matches(/^\d{4}-((0[1-9]|1[0-2])|[QT][1-4])$/, { message: 'period doit être un mois (2024-03) ou un trimestre (2024-T1).' })
  @PeriodYearInRange('period')
  period: string;
}

const send = (res: Response, file: SheetFile): StreamableFile => {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return new StreamableFile(file.content);
};

/** Files of the import: the pre-filled template of a period, the row-error report of a submission (CSV or XLSX), the reading of a file's columns. */
@ApiTags('saisie')
@ApiBearerAuth()
@Controller()
export class SubmissionFilesController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly template: SubmissionTemplateService,
    private readonly inspector: SubmissionInspectService,
  ) {}

  @Post('submissions/inspect')
  @HttpCode(200)
  @Roles('admin', 'finance')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Lit un fichier CSV/XLSX sans rien enregistrer : ses feuilles, la ligne d’en-tête trouvée, la disposition détectée, les titres de colonnes et quelques lignes (étape « correspondance des colonnes »)',
  })
  inspect(@UploadedFile() file: UploadedFigureFile | undefined): Promise<FileInspectionResponse> {
    return this.inspector.inspect(file);
  }

  @Get('submission-template')
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Modèle d’import pré-rempli d’une période : unités que vous saisissez × services × indicateurs attendus (CSV ou XLSX)' })
  async templateFile(@CurrentUser() user: AuthUser, @Query() query: TemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const rows = await this.template.rows(user, query.period);
    const label = periodLabel(query.period.replace(/-T([1-4])$/, '-Q$1'));
    return send(
      res,
      await writeSheet(query.format ?? 'xlsx', `modele-saisie-${label.replace(/[^\p{L}\p{N}]+/gu, '-')}`, 'Chiffres', templateHeader(query.period), rows),
    );
  }

  @Get('submissions/:id/errors')
  @ApiOperation({ summary: 'Rapport des lignes en erreur d’une soumission, ou de son aperçu (CSV ou XLSX), en-tête en première ligne' })
  async errorsFile(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('Soumission introuvable.')) id: string,
    @Query() query: SheetFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const submission = await this.submissions.get(user, id);
    const base = `erreurs-${(submission.fileName ?? 'saisie').replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}]+/gu, '-')}`;
    return send(
      res,
      await writeSheet(
        query.format ?? 'csv',
        base,
        'Erreurs',
        ROW_ERROR_HEADER,
        rowErrorRows(submission.errors.length > 0 ? submission.errors : (submission.preview?.errors ?? [])),
      ),
    );
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import { SubmissionsService, UploadedFigureFile } from './submissions.service';
import { ApplySubmissionDto, SubmitFiguresDto } from './dto/submit-figures.dto';
import {
  SubmissionAcceptedResponse,
  SubmissionDetailResponse,
  SubmissionResponse,
  toSubmissionAcceptedResponse,
  toSubmissionDetailResponse,
  toSubmissionResponse,
} from './submission.mapper';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

const dryRunFlag = (value: string | undefined): boolean => {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new BadRequestException('dryRun doit valoir true ou false.');
};

@ApiTags('saisie')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post()
  @HttpCode(202)
  @Roles('finance', 'admin')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Rejouer la même clé avec le même contenu renvoie la première soumission, sans rien enregistrer de nouveau ; avec un autre contenu, 422.',
  })
  @ApiQuery({ name: 'dryRun', required: false, description: 'true : aperçu seulement (statut previewed, champ preview), aucun chiffre enregistré.' })
  @ApiOperation({
    summary:
      'Dépose un fichier CSV/XLSX (champ file, avec template ou mapping en option) ou des chiffres JSON ; traitement asynchrone, suivre GET /api/submissions/:id',
  })
  async submit(
    @CurrentUser() user: AuthUser,
    @Body() body: SubmitFiguresDto,
    @UploadedFile() file: UploadedFigureFile | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Query('dryRun') dryRunParam: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmissionAcceptedResponse> {
    const options = { dryRun: dryRunFlag(dryRunParam), template: body.template, mapping: body.mapping };
    const accepted = file
      ? await this.submissions.submitFile(user, file, idempotencyKey, options)
      : await this.submissions.submitJson(user, body, idempotencyKey, options);
    if (!accepted.created) res.setHeader('Idempotent-Replayed', 'true');
    return toSubmissionAcceptedResponse(accepted);
  }

  @Post(':id/apply')
  @HttpCode(202)
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Applique une soumission prévisualisée (même chaîne de traitement) ; 409 si elle remplace des valeurs sans confirmOverwrite: true',
  })
  async apply(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('Soumission introuvable.')) id: string,
    @Body() body: ApplySubmissionDto,
  ): Promise<SubmissionAcceptedResponse> {
    return toSubmissionAcceptedResponse(await this.submissions.apply(user, id, body.confirmOverwrite === true));
  }

  @Post(':id/discard')
  @HttpCode(204)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Abandonne une soumission prévisualisée : rien n’a été ni ne sera enregistré' })
  async discard(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Soumission introuvable.')) id: string): Promise<void> {
    await this.submissions.discard(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'Soumissions reçues (filtres : status, source, id)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<SubmissionResponse[]> {
    const query = parseListQuery(raw, {
      sortable: ['createdAt', 'status', 'source', 'rowCount', 'finishedAt'] as const,
      defaultSort: { field: 'createdAt', order: 'DESC' },
    });
    const page = await this.submissions.list(user, query);
    setContentRange(res, 'submissions', query.offset, page.rows.length, page.total);
    return page.rows.map(toSubmissionResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'État d’une soumission : statut, compteurs, avancement, erreurs par ligne, signalements',
    description:
      'progress : { phase, percent } tant que la soumission est en cours, null une fois appliquée ou refusée. ' +
      'phase waiting (en file, percent 0), validating (percent = lignes validées / lignes du fichier) ou applying ' +
      '(percent = part des chiffres écrits, lue dans la file de tâches ; null si Redis ne répond pas à temps).',
  })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Soumission introuvable.')) id: string): Promise<SubmissionDetailResponse> {
    return toSubmissionDetailResponse(await this.submissions.get(user, id));
  }
}

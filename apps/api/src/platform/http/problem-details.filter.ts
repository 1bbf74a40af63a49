import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

/** RFC 9457 problem details, in French, never with a stack trace or SQL. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: unknown[];
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Ressource introuvable',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  415: 'Type de contenu non pris en charge',
  422: 'Données invalides',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

/** body-parser's error types (in English on the error itself) → French details. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'Le corps de la requête n’est pas un JSON valide : envoyez un objet JSON, par exemple { "figures": [ … ] }.',
  'entity.too.large': 'Le corps de la requête dépasse la taille autorisée.',
  'entity.verify.failed': 'Le corps de la requête a été refusé.',
  'encoding.unsupported': 'Encodage du corps de la requête non pris en charge : envoyez-le en UTF-8, sans compression.',
  'charset.unsupported': 'Jeu de caractères non pris en charge : envoyez le corps en UTF-8.',
  'request.aborted': 'La requête a été interrompue avant la fin de son envoi.',
  'request.size.invalid': 'La taille du corps de la requête ne correspond pas à son en-tête Content-Length.',
  'parameters.too.many': 'Trop de paramètres dans le corps de la requête.',
};

/** Multer's and busboy's English errors (kept as the `cause` by Nest's FileInterceptor), by code or message, in French. */
const UPLOAD_CODES: Record<string, string> = {
  LIMIT_UNEXPECTED_FILE: 'Champ de fichier inattendu : envoyez un seul fichier, dans le champ multipart « file ».',
  LIMIT_FILE_COUNT: 'Trop de fichiers : envoyez un seul fichier, dans le champ multipart « file ».',
  LIMIT_PART_COUNT: 'Trop de parties dans le formulaire multipart : envoyez un seul fichier, dans le champ « file ».',
  LIMIT_FIELD_COUNT: 'Trop de champs dans le formulaire multipart : envoyez un seul fichier, dans le champ « file ».',
  LIMIT_FIELD_KEY: 'Nom de champ trop long dans le formulaire multipart.',
  LIMIT_FIELD_VALUE: 'Valeur de champ trop longue dans le formulaire multipart.',
  LIMIT_FILE_SIZE: 'Le fichier dépasse la taille maximale autorisée : découpez-le en plusieurs fichiers.',
  MISSING_FIELD_NAME: 'Un champ du formulaire multipart n’a pas de nom.',
};
const MULTIPART_UNREADABLE = 'Envoi multipart illisible ou tronqué : renvoyez le fichier dans le champ « file » d’un formulaire multipart/form-data.';
const COMPRESSED_UNREADABLE = 'Le corps compressé de la requête est tronqué ou illisible : renvoyez-le complet, ou sans compression.';

/** Nest's and Express' default English details (no French detail was given) → French, by status. */
const DEFAULT_DETAILS: Record<number, string> = {
  400: 'La requête est invalide.',
  401: 'Authentification requise : connectez-vous.',
  403: 'Vous n’avez pas le droit d’effectuer cette action.',
  404: 'Cette adresse ne correspond à aucune ressource.',
  405: 'Méthode non autorisée sur cette adresse.',
  406: 'Format de réponse demandé non disponible.',
  408: 'La requête a pris trop de temps.',
  409: 'Conflit avec l’état actuel de la ressource.',
  413: 'Le corps de la requête dépasse la taille autorisée.',
  415: 'Type de contenu non pris en charge : envoyez du JSON (application/json) ou un formulaire multipart/form-data.',
  422: 'Données invalides.',
  429: 'Trop de requêtes en peu de temps : patientez une minute avant de réessayer.',
};
const ENGLISH_DEFAULT =
  /^(ThrottlerException: .*|Bad Request|Unauthorized|Forbidden|Forbidden resource|Not Found|Method Not Allowed|Not Acceptable|Request Timeout|Conflict|Payload Too Large|Unsupported Media Type|Unprocessable Entity|Too Many Requests|Cannot [A-Z]+ .*)$/;

/** An English detail of the plumbing (Nest defaults, the throttler, multer, zlib) in French, or the detail unchanged. */
const frenchDetail = (status: number, detail: string | undefined): string | undefined =>
  detail !== undefined && ENGLISH_DEFAULT.test(detail) ? (DEFAULT_DETAILS[status] ?? 'La requête n’a pas pu être traitée.') : detail;

/**
 * Errors of the HTTP plumbing before any controller (body-parser, Express' path decoding), which Nest wraps in an
 * HttpException carrying the English message of the original error as `cause`: their French detail, or null.
 */
const transportDetail = (exception: HttpException): string | null => {
  const cause = exception.cause as { type?: unknown } | undefined;
  if (cause && typeof cause.type === 'string' && BODY_ERRORS[cause.type]) return BODY_ERRORS[cause.type];
  if (cause instanceof SyntaxError) return BODY_ERRORS['entity.parse.failed'];
  if (cause instanceof URIError) return 'Adresse mal encodée : une séquence %xx de l’URL est invalide.';
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && UPLOAD_CODES[code]) return UPLOAD_CODES[code];
  if (typeof code === 'string' && code.startsWith('Z_')) return COMPRESSED_UNREADABLE;
  const message = cause instanceof Error ? cause.message : '';
  if (/unexpected end of file|incorrect header check|invalid (stored )?block|unknown compression/i.test(message)) return COMPRESSED_UNREADABLE;
  if (/^(Multipart|Malformed part header|Unexpected end of form|Boundary not found|Unexpected end of file)/i.test(message)) return MULTIPART_UNREADABLE;
  return null;
};

const asProblem = (exception: unknown): ProblemDetails => {
  if (exception instanceof HttpException) {
    const transport = transportDetail(exception);
    if (transport !== null) {
      const status = exception.getStatus();
      return { type: 'about:blank', title: TITLES[status] ?? 'Requête invalide', status, detail: transport };
    }
    const status = exception.getStatus();
    const body = exception.getResponse();
    const base: ProblemDetails = { type: 'about:blank', title: TITLES[status] ?? 'Erreur', status };
    if (typeof body === 'string') return { ...base, detail: frenchDetail(status, body) };
    const record = body as Record<string, unknown>;
    const message = record.message;
    if (Array.isArray(message)) return { ...base, detail: 'Certains champs sont invalides.', errors: message };
    return {
      ...base,
      ...(typeof record.type === 'string' ? { type: record.type } : {}),
      ...(typeof record.title === 'string' ? { title: record.title } : {}),
      detail: frenchDetail(status, typeof record.detail === 'string' ? record.detail : typeof message === 'string' ? message : undefined),
      ...(Array.isArray(record.errors) ? { errors: record.errors } : {}),
    };
  }
  // body-parser errors (payload too large, malformed JSON) carry a status of their own
  const status = (exception as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: unknown }).type;
    const detail =
      type === 'entity.too.large'
        ? 'Le corps de la requête dépasse la taille autorisée.'
        : type === 'entity.parse.failed'
          ? 'Le corps de la requête n’est pas un JSON valide.'
          : 'Requête invalide.';
    return { type: 'about:blank', title: TITLES[status] ?? 'Requête invalide', status, detail };
  }
  return {
    type: 'about:blank',
    title: TITLES[500],
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'Une erreur inattendue est survenue. Elle a été journalisée.',
  };
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request & { id?: string }>();
    const response = ctx.getResponse<Response>();
    const problem = asProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response
      .status(problem.status)
      .type('application/problem+json')
      .json({ ...problem, instance: request.originalUrl, requestId: request.id });
  }
}

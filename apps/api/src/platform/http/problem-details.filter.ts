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

/**
 * Errors of the HTTP plumbing before any controller (body-parser, Express' path decoding), which Nest wraps in an
 * HttpException carrying the English message of the original error as `cause`: their French detail, or null.
 */
const transportDetail = (exception: HttpException): string | null => {
  const cause = exception.cause as { type?: unknown } | undefined;
  if (cause && typeof cause.type === 'string' && BODY_ERRORS[cause.type]) return BODY_ERRORS[cause.type];
  if (cause instanceof SyntaxError) return BODY_ERRORS['entity.parse.failed'];
  if (cause instanceof URIError) return 'Adresse mal encodée : une séquence %xx de l’URL est invalide.';
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
    if (typeof body === 'string') return { ...base, detail: body };
    const record = body as Record<string, unknown>;
    const message = record.message;
    if (Array.isArray(message)) return { ...base, detail: 'Certains champs sont invalides.', errors: message };
    return {
      ...base,
      ...(typeof record.type === 'string' ? { type: record.type } : {}),
      ...(typeof record.title === 'string' ? { title: record.title } : {}),
      detail: typeof record.detail === 'string' ? record.detail : typeof message === 'string' ? message : undefined,
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

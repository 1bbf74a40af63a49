import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ProblemDetails } from './problem-details.filter';

/** Node's HTTP parser limit on the request line and headers together (`--max-http-header-size`, 16 KiB by default). */
const HEADER_LIMIT_KIB = 16;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * What Node's HTTP parser refuses before any route or middleware runs (the `clientError` event), as the problem
 * details the application gives everywhere else, in French. Node's own answers have no body (`431` for an address
 * over 16 KiB, `400` for a malformed request); the statuses are Node's.
 */
export const clientErrorProblem = (code: string | undefined): ProblemDetails => {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        type: 'about:blank',
        title: 'Adresse ou en-têtes trop longs',
        status: 431,
        detail:
          `L’adresse demandée et les en-têtes de la requête dépassent ensemble ${HEADER_LIMIT_KIB} Kio : raccourcissez l’adresse ` +
          '(moins de filtres ou d’identifiants à la fois, en plusieurs requêtes) ou supprimez des cookies inutiles.',
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { type: 'about:blank', title: 'Contenu trop volumineux', status: 413, detail: 'Les extensions de blocs de la requête sont trop longues.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { type: 'about:blank', title: 'Délai dépassé', status: 408, detail: 'La requête a pris trop de temps à arriver : renvoyez-la.' };
    default:
      return {
        type: 'about:blank',
        title: 'Requête invalide',
        status: 400,
        detail: 'Requête HTTP mal formée (ligne de requête ou en-têtes illisibles) : renvoyez-la depuis un navigateur ou un client HTTP standard.',
      };
  }
};

/** The raw HTTP/1.1 answer written on the socket: problem+json, not cached, connection closed. */
export const clientErrorResponse = (problem: ProblemDetails): string => {
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Bad Request'}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
};

/**
 * Answers the requests Node's parser refuses with French problem details instead of Node's empty answers, then closes
 * the socket. As Node does: a socket that can no longer be written to (reset, or a response already under way) is only
 * destroyed.
 */
export const answerClientErrors = (server: Server): void => {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || response?.headersSent === true) {
      socket.destroy();
      return;
    }
    // then closed for good once written, as Node does: the server keeps sockets half-open, so `end()` alone would leave
    // a client that goes on sending (a slow-headers client, exactly) connected
    socket.end(clientErrorResponse(clientErrorProblem(err.code)), () => socket.destroy());
  });
};

import type { OperatorRights } from './platform-operators';

/** The refusal to anyone who is not an instance operator (the dashboard's gate and the operator-only routes). */
export const OPERATOR_ONLY_MESSAGE = 'Tableau des files d’attente réservé aux opérateurs de l’instance.';

/** Where the queue dashboard is mounted, below the API's global prefix `/api`. */
export const QUEUE_BOARD_ROUTE = '/operations/queues';
export const QUEUE_BOARD_PATH = `/api${QUEUE_BOARD_ROUTE}`;
/**
 * The dashboard's page and its own calls cannot carry a bearer header (a new browser tab): the admin posts to
 * `/api/operations/queue-board-session`, which sets this httpOnly, SameSite=Strict cookie holding the access token,
 * valid only under the dashboard's path and only as long as the token.
 */
export const QUEUE_BOARD_COOKIE = 'levier_queue_board';

/** Retrying failed jobs: one job (`/:queue/:jobId/retry`) or every job of a state (`/:queue/retry/:state`). */
const RETRY = /^\/api\/queues\/[^/]+\/(?:retry\/[^/]+|[^/]+\/retry)\/?$/;

export type BoardDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Who may do what on the queue dashboard, given the caller's operator rights (null: not an instance operator) and the
 * request's method and path below the dashboard. Reading is for every operator; of the writes, only retries, and only
 * for an operator allowed to retry. Cleaning, emptying, pausing, adding or editing jobs is refused to everyone: the
 * durable truth is in PostgreSQL, and the reconciler and schedulers put back what a queue loses.
 */
export const decideBoardAccess = (rights: OperatorRights | null, method: string, path: string): BoardDecision => {
  if (rights === null) {
    return { allowed: false, status: 403, message: OPERATOR_ONLY_MESSAGE };
  }
  if (READ_METHODS.has(method.toUpperCase())) return { allowed: true };
  if (!RETRY.test(path)) {
    return { allowed: false, status: 403, message: 'Tableau des files d’attente en lecture seule : seule la relance des tâches en échec est possible.' };
  }
  if (!rights.mayRetry) {
    return { allowed: false, status: 403, message: 'Relance des tâches réservée aux opérateurs autorisés à relancer (levier operator:grant --retry).' };
  }
  return { allowed: true };
};

import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';

/** What replaces a secret in the logs. */
export const REDACTED = '[masqué]';

/** Names of fields that hold a secret, wherever they sit in a logged object. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'jwtSecret',
  'x-api-key',
];

/**
 * pino's redaction paths (fast-redact): each secret key at the top level, one level down (`*.password`), and in the
 * request and response headers of the access log (`res.headers["set-cookie"]`).
 */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.map((key) => `["${key}"]`),
  ...SECRET_KEYS.map((key) => `*["${key}"]`),
  ...SECRET_KEYS.map((key) => `*.headers["${key}"]`),
  ...SECRET_KEYS.map((key) => `*.body["${key}"]`),
];

/**
 * Secrets inside free text (an error message, a URL): the refresh cookie, a bearer token, anything shaped like a JWT,
 * and `token=` / `password=` query parameters.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /(levier_refresh=)[^;\s,"]+/gi,
  /(bearer\s+)[^\s,"]+/gi,
  /()\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g,
  /([?&](?:token|password|access_token|refresh_token)=)[^&\s#"]+/gi,
];

/** The text with every secret it visibly carries replaced by {@link REDACTED}. */
export const scrubSecrets = (text: string): string => SECRET_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, `$1${REDACTED}`), text);

/**
 * Structured JSON logs (pino) for Nest's own logger and for the HTTP access log. Secrets never reach the output:
 * known secret fields are redacted and free-text messages are scrubbed (`destination` lets a test capture the output).
 */
export const createRootLogger = (level: string, name: string, destination?: DestinationStream): Logger => {
  const options: LoggerOptions = {
    level,
    name,
    base: { service: name },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
};

export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}
  log(message: unknown, context?: string): void {
    this.root.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.root.error({ context, trace: trace === undefined ? undefined : scrubSecrets(trace) }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.root.trace({ context }, String(message));
  }
}

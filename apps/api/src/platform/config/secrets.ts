import { createHmac } from 'node:crypto';
import { ConfigError } from './app-config';

/**
 * The keys the processes sign with, read from the environment and refused when they are missing, short, repetitive or
 * published. There is no built-in default: `npm run demo` generates a random one per run and the tests set their own,
 * so no key printed in this repository (or in any old version of it) signs anything.
 */
export interface Secrets {
  /** HS256 key of the access tokens. */
  readonly jwtSecret: string;
  /** HMAC key of the report unsubscribe links: never the access-token key, so a leak of one forges nothing with the other. */
  readonly unsubscribeSecret: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export const MIN_SECRET_LENGTH = 32;
/** A random key of 32 characters shows far more; `aaaa…` or `abab…` repeated shows fewer. */
export const MIN_DISTINCT_CHARACTERS = 12;

/** Keys that were printed in this repository, its README or its compose file at some point: anyone can sign with them. */
export const PUBLISHED_SECRETS: readonly string[] = [
  'levier-dev-secret-change-me-0123456789abcdef',
  'change-me-in-production-this-is-only-for-local-use',
  'bench-secret-bench-secret-bench-secret-0123',
];

const PLACEHOLDER = /change[-_ ]?me|changeme|your[-_ ]?secret|secret[-_ ]?key|example|placeholder/i;

/** Why a key is refused, in French, or null when it can be used. */
export const secretProblem = (name: string, value: string | undefined): string | null => {
  if (value === undefined || value.trim() === '') {
    return `${name} est obligatoire : générez-en une avec « openssl rand -base64 48 » (la démo « npm run demo » en génère une à chaque lancement)`;
  }
  const secret = value.trim();
  if (secret.length < MIN_SECRET_LENGTH) return `${name} doit contenir au moins ${MIN_SECRET_LENGTH} caractères aléatoires`;
  if (PUBLISHED_SECRETS.includes(secret) || PLACEHOLDER.test(secret)) {
    return `${name} est une valeur publiée ou un exemple : n'importe qui pourrait signer des jetons avec ; générez-en une avec « openssl rand -base64 48 »`;
  }
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS)
    return `${name} est trop répétitive pour être une clé aléatoire ; générez-en une avec « openssl rand -base64 48 »`;
  return null;
};

/** A key for one purpose derived from the master key (HMAC-SHA256 as a PRF): knowing it gives neither the master nor the other keys. */
const derive = (master: string, purpose: string): string => createHmac('sha256', master).update(`levier-key/${purpose}`).digest('base64url');

export const loadSecrets = (env: Env = process.env): Secrets => {
  const problems: string[] = [];
  const jwt = secretProblem('JWT_SECRET', env.JWT_SECRET);
  if (jwt) problems.push(jwt);
  const explicitUnsubscribe = env.UNSUBSCRIBE_SECRET?.trim();
  if (explicitUnsubscribe) {
    const unsubscribe = secretProblem('UNSUBSCRIBE_SECRET', explicitUnsubscribe);
    if (unsubscribe) problems.push(unsubscribe);
    else if (explicitUnsubscribe === env.JWT_SECRET?.trim()) problems.push('UNSUBSCRIBE_SECRET doit différer de JWT_SECRET');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const jwtSecret = (env.JWT_SECRET ?? '').trim();
  return { jwtSecret, unsubscribeSecret: explicitUnsubscribe || derive(jwtSecret, 'unsubscribe') };
};

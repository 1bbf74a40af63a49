import { ConfigError } from './app-config';
import { loadSecrets, PUBLISHED_SECRETS, secretProblem } from './secrets';

const RANDOM = 'q8Zr0vLw3YpT6nKc1XbJ9sHd5MfG2aVe7UoP4iNl'; // 40 characters, 40 distinct

describe(loadSecrets.name, () => {
  it('has no default: a missing key stops the process with how to make one, in every environment', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => loadSecrets({ NODE_ENV })).toThrow(ConfigError);
      expect(() => loadSecrets({ NODE_ENV })).toThrow(/JWT_SECRET est obligatoire.*openssl rand -base64 48/);
    }
  });

  it.each(PUBLISHED_SECRETS.map((s) => [s]))('refuses the published key %s', (secret) => {
    expect(() => loadSecrets({ JWT_SECRET: secret })).toThrow(/valeur publiée/);
  });

  it('refuses short, repetitive and placeholder keys', () => {
    expect(secretProblem('JWT_SECRET', RANDOM.slice(0, 31))).toMatch(/au moins 32 caractères/);
    expect(secretProblem('JWT_SECRET', 'x'.repeat(40))).toMatch(/trop répétitive/);
    expect(secretProblem('JWT_SECRET', 'abcdef'.repeat(8))).toMatch(/trop répétitive/);
    expect(secretProblem('JWT_SECRET', `please-change-me-${RANDOM}`)).toMatch(/valeur publiée ou un exemple/);
    expect(secretProblem('JWT_SECRET', RANDOM)).toBeNull();
  });

  it('signs unsubscribe links with a key of their own, derived or given, never the access-token key', () => {
    const derived = loadSecrets({ JWT_SECRET: RANDOM });
    expect(derived.jwtSecret).toBe(RANDOM);
    expect(derived.unsubscribeSecret).not.toBe(RANDOM);
    expect(derived.unsubscribeSecret).toHaveLength(43); // base64url of a SHA-256
    expect(loadSecrets({ JWT_SECRET: RANDOM, UNSUBSCRIBE_SECRET: [...RANDOM].reverse().join('') }).unsubscribeSecret).toBe([...RANDOM].reverse().join(''));
    expect(() => loadSecrets({ JWT_SECRET: RANDOM, UNSUBSCRIBE_SECRET: RANDOM })).toThrow(/doit différer de JWT_SECRET/);
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeClaims {
  /** organisation */
  o: string;
  /** subscription */
  s: string;
  /** recipient email */
  r: string;
}

const PURPOSE = 'levier-report-unsubscribe/1';
const mac = (secret: string, payload: string): string => createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest('base64url');

/** `<base64url(JSON)>.<HMAC-SHA256>`: signed per (subscription, recipient), no expiry (an old email's link keeps working). */
export const signUnsubscribeToken = (secret: string, claims: UnsubscribeClaims): string => {
  const payload = Buffer.from(JSON.stringify({ o: claims.o, s: claims.s, r: claims.r })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
};

/** The claims of a genuine token, or null for anything tampered, truncated or malformed. */
export const verifyUnsubscribeToken = (secret: string, token: string): UnsubscribeClaims | null => {
  if (token.length > 2000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<UnsubscribeClaims>;
    return typeof claims.o === 'string' && typeof claims.s === 'string' && typeof claims.r === 'string' ? { o: claims.o, s: claims.s, r: claims.r } : null;
  } catch {
    return null;
  }
};

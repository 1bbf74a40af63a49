import { randomBytes } from 'node:crypto';

/**
 * The first 20 hex digits of UUIDv7 ids (RFC 9562 §5.7, "fixed-length dedicated counter"): 48-bit Unix time in
 * milliseconds, version 7, 12 random bits, the variant with 2 random bits, 12 more random bits. A 12-hex-digit counter
 * completes each id (`prefix || lpad(to_hex(n), 12, '0')`), so the ids of one bulk write increase: the primary-key
 * index is appended to instead of written at random places (as `gen_random_uuid()` would).
 */
export const uuidV7Prefix = (now: Date): string => {
  const time = now.getTime().toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(4).toString('hex');
  const variant = (8 + (parseInt(random[3], 16) & 3)).toString(16);
  return `${time}7${random.slice(0, 3)}${variant}${random.slice(4, 7)}`;
};

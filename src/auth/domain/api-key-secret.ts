import { createHash, randomBytes } from 'node:crypto';

const GENERATED_KEY_PREFIX = 'cbk_';
const SHOWN_PREFIX_LENGTH = 10;

/** A new API key secret: `cbk_` and 256 random bits, base64url. Shown once, stored only as a hash. */
export function generateApiKeySecret(): string {
  return `${GENERATED_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Secrets carry 256 bits of entropy (or at least 24 characters for a bootstrap key chosen by an
 * operator), so a fast SHA-256 is the right hash: nothing to brute-force, and every request can
 * afford it.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The harmless beginning of a generated key that lists show to tell keys apart. */
export function displayPrefix(secret: string): string {
  return secret.startsWith(GENERATED_KEY_PREFIX) ? secret.slice(0, SHOWN_PREFIX_LENGTH) : 'bootstrap';
}

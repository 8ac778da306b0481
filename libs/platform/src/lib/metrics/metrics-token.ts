import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Whether an Authorization header carries `Bearer <expected>`. Both tokens are hashed first and the
 * digests compared in constant time, so neither the time taken nor an early length check tells a
 * caller how much of a guess was right.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const given = BEARER.exec(header ?? '')?.[1] ?? '';
  const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();
  // Compared even when nothing usable was sent, so a missing header costs what a wrong one does.
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

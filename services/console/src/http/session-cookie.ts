import type { ServerResponse } from 'node:http';

export const SESSION_COOKIE = 'buqi_session';

/** The value of one cookie of a Cookie header. */
export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/**
 * Sets (or, with maxAgeMs 0, clears) the session cookie: httpOnly so scripts never see it,
 * SameSite=Strict so no other site's page sends it, Secure where the console is served over HTTPS.
 */
export function setSessionCookie(
  response: ServerResponse,
  value: string,
  maxAgeMs: number,
  secure: boolean,
): void {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    ...(secure ? ['Secure'] : []),
  ];
  response.setHeader('Set-Cookie', attributes.join('; '));
}

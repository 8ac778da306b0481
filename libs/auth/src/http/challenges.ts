import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { HttpResponse } from './http-types';

const REALM = 'buqi';

/** A quoted-string value for a WWW-Authenticate parameter (RFC 7235): no quotes or backslashes inside. */
const quoted = (text: string) => `"${text.replace(/["\\\r\n]/g, "'")}"`;

/**
 * 401 for a request without usable credentials. RFC 6750: no error code when none was sent,
 * `invalid_request` for a malformed header, `invalid_token` for a token that was refused.
 */
export function bearerChallenge(
  response: HttpResponse,
  message: string,
  error?: 'invalid_request' | 'invalid_token',
): UnauthorizedException {
  const params = [`realm=${quoted(REALM)}`];
  if (error) params.push(`error=${quoted(error)}`, `error_description=${quoted(message)}`);
  response.setHeader('WWW-Authenticate', `Bearer ${params.join(', ')}`);
  return new UnauthorizedException(message);
}

export function apiKeyChallenge(response: HttpResponse, message: string): UnauthorizedException {
  response.setHeader('WWW-Authenticate', `ApiKey realm=${quoted(REALM)}`);
  return new UnauthorizedException(message);
}

/** Our dependency is down, not the caller's fault: 503 with a hint when to come back. */
export function unavailable(response: HttpResponse, message: string, retryAfterSeconds = 5) {
  response.setHeader('Retry-After', String(retryAfterSeconds));
  return new ServiceUnavailableException(message);
}

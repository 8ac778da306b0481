import { Inject, Injectable, Optional } from '@nestjs/common';
import { PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import { bearerChallenge, unavailable } from '../http/challenges';
import { presentedBearer } from '../http/credentials';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import type { UserPrincipal } from '../identity/principal';
import { InvalidTokenError, KeySetUnavailableError } from './token-errors';
import { TokenVerifier } from './token-verifier';

/** Authenticates a request by its bearer token; every refusal is a 401 with a WWW-Authenticate challenge. */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(PLATFORM_LOGGER) private readonly logger?: Logger,
  ) {}

  async authenticate(request: HttpRequest, response: HttpResponse): Promise<UserPrincipal> {
    const presented = presentedBearer(request.headers);
    if (presented.kind === 'none') {
      throw bearerChallenge(response, 'Missing bearer token: send "Authorization: Bearer <token>"');
    }
    if (presented.kind === 'malformed') throw bearerChallenge(response, presented.message, 'invalid_request');
    try {
      return await this.verifier.verify(presented.value);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw bearerChallenge(response, error.message, 'invalid_token');
      if (error instanceof KeySetUnavailableError) {
        this.logger?.error({ err: error }, 'token issuer keys unavailable');
        throw unavailable(response, "The token issuer's keys cannot be loaded right now; try again later");
      }
      throw error;
    }
  }
}

import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { AuthSettings } from '../config/auth.config';
import { principalFromClaims, type UserPrincipal } from '../identity/principal';
import { keySetFor, type KeyResolver } from './key-sets';
import { InvalidTokenError, KeySetUnavailableError } from './token-errors';

/**
 * Asymmetric algorithms only, listed explicitly: `none` and the HMAC family (HS256, whose "key"
 * would be the public key an attacker can read) are refused before any key is looked up.
 */
export const ACCEPTED_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'] as const;

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceMs: number;
}

/** Verifies bearer JWTs against the issuer's keys and turns them into a UserPrincipal. */
export class TokenVerifier {
  constructor(
    private readonly options: TokenVerifierOptions,
    private readonly keys: KeyResolver,
  ) {}

  static fromSettings(settings: AuthSettings): TokenVerifier {
    return new TokenVerifier(
      {
        issuer: settings.AUTH_ISSUER,
        audience: settings.AUTH_AUDIENCE,
        clockToleranceMs: settings.AUTH_CLOCK_TOLERANCE,
      },
      keySetFor(settings.AUTH_JWKS_URL),
    );
  }

  /** Throws InvalidTokenError (the caller's fault) or KeySetUnavailableError (ours). */
  async verify(token: string): Promise<UserPrincipal> {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, this.keys, {
        algorithms: [...ACCEPTED_ALGORITHMS],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp'],
        clockTolerance: Math.ceil(this.options.clockToleranceMs / 1000),
      }));
    } catch (error) {
      throw this.explain(error, token);
    }
    const principal = principalFromClaims(claims);
    if (!principal) throw new InvalidTokenError('no-subject', 'The token names no subject (sub claim)');
    return principal;
  }

  private explain(error: unknown, token: string): Error {
    if (error instanceof KeySetUnavailableError) return error;
    if (error instanceof errors.JWTExpired) {
      const exp = error.payload['exp'];
      const at = typeof exp === 'number' ? ` at ${new Date(exp * 1000).toISOString()}` : '';
      return new InvalidTokenError('expired', `The token expired${at}`);
    }
    if (error instanceof errors.JWTClaimValidationFailed) return this.claimProblem(error);
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return new InvalidTokenError(
        'unsupported-algorithm',
        `The token's algorithm ${JSON.stringify(algorithmOf(token))} is not accepted (accepted: ${ACCEPTED_ALGORITHMS.join(', ')})`,
      );
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return new InvalidTokenError('bad-signature', 'The token signature is invalid');
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return new InvalidTokenError(
        'unknown-key',
        'The token is signed by a key the issuer does not publish (bad signature or unknown kid)',
      );
    }
    if (error instanceof errors.JOSEError) {
      return new InvalidTokenError('malformed', `The token is malformed: ${error.message}`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  private claimProblem(error: InstanceType<typeof errors.JWTClaimValidationFailed>): InvalidTokenError {
    const { claim, reason } = error;
    if (reason === 'missing') {
      return new InvalidTokenError('missing-claim', `The token has no "${claim}" claim`);
    }
    switch (claim) {
      case 'iss':
        return new InvalidTokenError(
          'wrong-issuer',
          `The token's issuer ${JSON.stringify(error.payload['iss'])} is not the expected ${JSON.stringify(this.options.issuer)}`,
        );
      case 'aud':
        return new InvalidTokenError(
          'wrong-audience',
          `The token is not meant for the audience ${JSON.stringify(this.options.audience)}`,
        );
      case 'nbf':
        return new InvalidTokenError('not-yet-valid', 'The token is not valid yet (nbf is in the future)');
      default:
        return new InvalidTokenError(
          'malformed',
          `The token's "${claim}" claim is invalid: ${error.message}`,
        );
    }
  }
}

function algorithmOf(token: string): unknown {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}

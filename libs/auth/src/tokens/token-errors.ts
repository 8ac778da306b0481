/** Why a bearer token was refused; each maps to one message and a 401. */
export type TokenProblem =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'unknown-key'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'unsupported-algorithm'
  | 'missing-claim'
  | 'no-subject';

/** The caller's token is not acceptable (the caller's fault: 401). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The issuer's keys could not be loaded, so no token can be checked (not the caller's fault: 503). */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
}

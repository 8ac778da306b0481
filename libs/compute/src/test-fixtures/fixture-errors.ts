/** Stands for a domain error such as DomainValidationError: a name field and fields of its own. */
export class QuotaError extends Error {
  override readonly name: string = 'QuotaError';
  constructor(
    readonly quota: string,
    readonly limit: number,
    readonly detail: Readonly<Record<string, unknown>>,
  ) {
    super(`quota ${quota} is limited to ${limit}`);
  }
}

/** Not registered with the pool: should come back as its nearest registered ancestor, QuotaError. */
export class DailyQuotaError extends QuotaError {
  override readonly name: string = 'DailyQuotaError';
}

/** Registered with no pool. */
export class UnlistedError extends Error {
  override readonly name = 'UnlistedError';
  readonly code = 'E_UNLISTED';
}

/**
 * Thrown by every public domain function given something it cannot use. It names the field and the
 * value, so an API can turn it into a 4xx that says what is wrong.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${field} ${reason} (got ${show(value)})`);
  }
}

/** The thing a command names does not exist (or the caller may not know that it does). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} "${id}" does not exist`);
  }
}

/**
 * The command cannot be applied to the current state: an illegal transition, a duplicate, a stale
 * version. `code` is stable (clients branch on it); `details` says what the state is and what would
 * have been allowed, e.g. `{ current: 'completed', allowed: ['verify', 'reopen'] }`.
 */
export class ConflictError extends Error {
  override readonly name: string = 'ConflictError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value === undefined) return 'undefined';
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

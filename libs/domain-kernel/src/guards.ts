import { DomainValidationError } from './domain-error';

/** A finite number, optionally within [min, max]. Never lets NaN or Infinity through. */
export function finite(field: string, value: unknown, range: { min?: number; max?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainValidationError(field, value, 'must be a finite number');
  }
  if (range.min !== undefined && value < range.min) {
    throw new DomainValidationError(field, value, `must be at least ${range.min}`);
  }
  if (range.max !== undefined && value > range.max) {
    throw new DomainValidationError(field, value, `must be at most ${range.max}`);
  }
  return value;
}

/** A safe integer, optionally within [min, max]. */
export function integer(field: string, value: unknown, range: { min?: number; max?: number } = {}): number {
  finite(field, value, range);
  if (!Number.isSafeInteger(value)) throw new DomainValidationError(field, value, 'must be a whole number');
  return value as number;
}

/** A value from a fixed set. */
export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new DomainValidationError(field, value, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A non-empty string of at most `max` characters. */
export function text(field: string, value: unknown, max = 200): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new DomainValidationError(field, value, `must be a non-empty string of at most ${max} characters`);
  }
  return value;
}

/** A valid Date (not `new Date('nonsense')`). */
export function validDate(field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new DomainValidationError(field, value, 'must be a valid date');
  }
  return value;
}

/** An array (possibly empty, unless `minItems`). */
export function array<T = unknown>(field: string, value: unknown, minItems = 0): T[] {
  if (!Array.isArray(value)) throw new DomainValidationError(field, value, 'must be an array');
  if (value.length < minItems)
    throw new DomainValidationError(field, value, `must have at least ${minItems} item(s)`);
  return value as T[];
}

/** A plain object (not null, not an array), so its fields can be read and named in errors. */
export function record(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainValidationError(field, value, 'must be an object');
  }
  return value as Record<string, unknown>;
}

export function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new DomainValidationError(field, value, 'must be true or false');
  return value;
}

/** A finite number strictly greater than zero (areas, intervals, standards). */
export function positive(field: string, value: unknown): number {
  const n = finite(field, value);
  if (n <= 0) throw new DomainValidationError(field, value, 'must be greater than 0');
  return n;
}

/** A finite number of at least zero (grams, concentrations, counts). */
export function nonNegative(field: string, value: unknown): number {
  return finite(field, value, { min: 0 });
}

import { DomainValidationError, finite } from '@buqi/domain-kernel';

/** A plain object (not null, not an array), so its fields can be read and named in errors. */
export function record(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainValidationError(field, value, 'must be an object');
  }
  return value as Record<string, unknown>;
}

/** A finite number strictly greater than zero (areas, intervals, standards). */
export function positive(field: string, value: unknown): number {
  const n = finite(field, value);
  if (n <= 0) throw new DomainValidationError(field, value, 'must be greater than 0');
  return n;
}

/** A finite number of at least zero (counts of grams, measured concentrations). */
export function nonNegative(field: string, value: unknown): number {
  return finite(field, value, { min: 0 });
}

export function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new DomainValidationError(field, value, 'must be true or false');
  return value;
}

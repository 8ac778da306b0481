import { DomainValidationError, finite } from '@buqi/domain-kernel';

/** A plain object to read fields from (not null, not an array). */
export function object(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainValidationError(field, value, 'must be an object');
  }
  return value as Record<string, unknown>;
}

export function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new DomainValidationError(field, value, 'must be true or false');
  return value;
}

/** `field` of a path: `prefix.field`, or just `field` at the top. */
export function at(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

export function positive(field: string, value: unknown): number {
  const n = finite(field, value);
  if (n <= 0) throw new DomainValidationError(field, n, 'must be greater than 0');
  return n;
}

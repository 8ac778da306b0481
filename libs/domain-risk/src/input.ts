import { DomainValidationError } from '@buqi/domain-kernel';

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

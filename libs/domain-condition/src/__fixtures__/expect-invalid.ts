import { DomainValidationError } from '@buqi/domain-kernel';

/** Asserts that `run` throws a DomainValidationError naming exactly `field`. */
export function expectInvalid(run: () => unknown, field: string): DomainValidationError {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(DomainValidationError);
  const error = thrown as DomainValidationError;
  expect(error.field).toBe(field);
  return error;
}

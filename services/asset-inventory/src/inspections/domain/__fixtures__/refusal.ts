import { DomainValidationError } from '@buqi/domain-kernel';

/** The DomainValidationError `run` throws, to assert on its field; fails the test if none is thrown. */
export function refusal(run: () => unknown): DomainValidationError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainValidationError) return err;
    throw err;
  }
  throw new Error('expected a DomainValidationError');
}

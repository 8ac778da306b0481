import type { DomainValidationError } from '@buqi/domain-kernel';

/**
 * A year's schedule refused, with every problem found (answered 422, each field named: see
 * CalendarYearRefusedFilter); a DomainValidationError alone would be answered naming one field.
 */
export class CalendarYearRefused extends Error {
  override readonly name = 'CalendarYearRefused';
  constructor(readonly problems: readonly DomainValidationError[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

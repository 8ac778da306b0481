import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';

/** Thrown when bytes or an object do not satisfy an event contract; `problems` name each bad field. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly subject: string,
    readonly problems: string[],
  ) {
    super(`${subject}: ${problems.join('; ')}`);
  }
}

const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false }), [
  'date-time',
  'date',
  'uuid',
  'email',
  'uri',
]);

export function compile<T>(schema: TSchema): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const at = e.instancePath || '(root)';
    if (e.keyword === 'additionalProperties') {
      return `${at} has unknown field "${String(e.params['additionalProperty'])}"`;
    }
    if (e.keyword === 'required') return `${at} is missing "${String(e.params['missingProperty'])}"`;
    return `${at} ${e.message ?? 'is invalid'}`;
  });
}

export function assertValid<T>(validate: ValidateFunction<T>, value: unknown, subject: string): T {
  if (!validate(value)) throw new ContractViolationError(subject, describeErrors(validate.errors));
  return value;
}

import Ajv, { type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { RequestValidationError, type RequestIssue, type RequestLocation } from './request-validation.error';

const FORMATS = ['date-time', 'date', 'time', 'uuid', 'email', 'uri'] as const;

// verbose: errors carry the offending data, so each issue can show the value it refuses.
const common: Options = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  useDefaults: true,
  verbose: true,
};
// Bodies are JSON: a string where a number belongs is the client's mistake. Query strings and path
// parameters are text: "2" must become 2.
const bodies = addFormats(new Ajv({ ...common, coerceTypes: false }), [...FORMATS]);
const texts = addFormats(new Ajv({ ...common, coerceTypes: true }), [...FORMATS]);

/** Checks (and, for query and params, converts) one part of a request; throws RequestValidationError. */
export type RequestValidator<S extends TSchema> = (input: unknown) => Static<S>;

export function requestValidator<S extends TSchema>(
  schema: S,
  location: RequestLocation,
): RequestValidator<S> {
  const validate = (location === 'body' ? bodies : texts).compile<Static<S>>(schema);
  return (input) => {
    // Ajv fills defaults and coerces in place: work on a copy of the (top-level) input.
    const data: unknown = isPlainRecord(input) ? { ...input } : input;
    if (validate(data)) return data;
    throw new RequestValidationError(describeIssues(validate.errors ?? [], location));
  };
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One issue per bad field and reason, with fields named like `plan.widthM` or `items[2].code`. */
export function describeIssues(errors: readonly ErrorObject[], location: RequestLocation): RequestIssue[] {
  // A union reports each failed branch and then itself: keep only the union's own error.
  const unions = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  const issues = errors
    .filter((e) => !unions.some((prefix) => e.schemaPath.startsWith(prefix)))
    .map((e) => issueOf(e, location));
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.reason}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function issueOf(error: ErrorObject, location: RequestLocation): RequestIssue {
  const path = fieldPath(error.instancePath);
  const params: Record<string, unknown> = error.params;
  const child = (key: unknown): string => (path === '' ? String(key) : `${path}.${String(key)}`);
  const issue = (field: string, reason: string, value?: unknown): RequestIssue =>
    value === undefined ? { location, field, reason } : { location, field, value: preview(value), reason };

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = params['additionalProperty'];
      const value = isPlainRecord(error.data) ? error.data[String(name)] : undefined;
      return issue(child(name), 'is not a known field', value);
    }
    case 'required':
      return issue(child(params['missingProperty']), 'is required');
    case 'anyOf':
    case 'oneOf':
      return issue(path || '(root)', unionReason(error.schema), error.data);
    case 'enum':
      return issue(path || '(root)', `must be one of: ${listOf(params['allowedValues'])}`, error.data);
    case 'const':
      return issue(path || '(root)', `must be ${JSON.stringify(params['allowedValue'])}`, error.data);
    default:
      return issue(path || '(root)', error.message ?? 'is invalid', error.data);
  }
}

/** `/plan/widthM` → `plan.widthM`; `/items/2/code` → `items[2].code`. */
function fieldPath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
      '',
    );
}

function unionReason(branches: unknown): string {
  const consts = Array.isArray(branches)
    ? branches.map((b: unknown) => (isPlainRecord(b) && 'const' in b ? b['const'] : undefined))
    : [];
  return consts.length > 0 && consts.every((c) => c !== undefined)
    ? `must be one of: ${listOf(consts)}`
    : 'does not match any allowed form';
}

const listOf = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : String(values);

const MAX_SHOWN = 200;

/** The value as received, shortened when long: problems echo input, never megabytes of it. */
function preview(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  const json = JSON.stringify(value);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN)}…` : value;
}

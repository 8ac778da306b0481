import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { AssetClass } from '../../assets/domain/asset';
import {
  RegisterDeviceRequest,
  RegisterRestroomRequest,
  RegisterRoadSegmentRequest,
} from '../../assets/use-cases/asset-requests';

export interface FieldIssue {
  readonly field: string;
  readonly value?: unknown;
  readonly reason: string;
}

// The options the platform validates JSON bodies with: a row must pass what a POST of it would.
const ajv = addFormats(
  new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    useDefaults: true,
    verbose: true,
    coerceTypes: false,
  }),
  ['date-time', 'date', 'time', 'uuid', 'email', 'uri'],
);

const SCHEMAS: Record<AssetClass, ValidateFunction> = {
  'road-segment': ajv.compile(RegisterRoadSegmentRequest),
  restroom: ajv.compile(RegisterRestroomRequest),
  'monitoring-device': ajv.compile(RegisterDeviceRequest),
};

/** The issues the register route's schema finds in a row's body (none: it would pass). */
export function schemaIssues(assetClass: AssetClass, body: Readonly<Record<string, unknown>>): FieldIssue[] {
  const validate = SCHEMAS[assetClass];
  if (validate(structuredClone(body))) return [];
  const errors = validate.errors ?? [];
  // A union reports each failed branch and then itself: keep only the union's own error.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !unions.some((prefix) => e.schemaPath.startsWith(prefix))).map(issueOf);
}

function issueOf(error: ErrorObject): FieldIssue {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .reduce((p, s) => (/^\d+$/.test(s) ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
  const params = error.params as Record<string, unknown>;
  const child = (name: unknown) => (path ? `${path}.${String(name)}` : String(name));
  switch (error.keyword) {
    case 'required':
      return { field: child(params['missingProperty']), reason: 'is required' };
    case 'additionalProperties':
      return { field: child(params['additionalProperty']), reason: 'is not a known field' };
    case 'anyOf':
      return { field: path, value: error.data, reason: 'does not match any allowed form' };
    default:
      return { field: path, value: error.data, reason: error.message ?? 'is invalid' };
  }
}

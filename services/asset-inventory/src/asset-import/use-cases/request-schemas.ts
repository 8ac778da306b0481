import { RequestValidationError, requestValidator } from '@buqi/platform';
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

// The register routes' own validators: a row must pass what a POST of it would, with the same words.
const VALIDATORS = {
  'road-segment': requestValidator(RegisterRoadSegmentRequest, 'body'),
  restroom: requestValidator(RegisterRestroomRequest, 'body'),
  'monitoring-device': requestValidator(RegisterDeviceRequest, 'body'),
} satisfies Record<AssetClass, unknown>;

/** The issues the register route's schema finds in a row's body (none: it would pass). */
export function schemaIssues(assetClass: AssetClass, body: Readonly<Record<string, unknown>>): FieldIssue[] {
  try {
    VALIDATORS[assetClass](structuredClone(body));
    return [];
  } catch (err) {
    if (!(err instanceof RequestValidationError)) throw err;
    return err.issues.map(({ field, value, reason }) => ({
      field,
      ...(value !== undefined && { value }),
      reason,
    }));
  }
}

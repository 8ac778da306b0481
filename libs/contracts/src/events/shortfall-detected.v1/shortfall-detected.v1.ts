import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { AssetClass, Id, Severity, Timestamp } from '../common';

/** asset-inventory found an asset below its standard, silent, failing or missing. */
export const ShortfallDetectedV1 = defineEvent({
  type: 'shortfall.detected',
  version: 1,
  schema: Type.Object(
    {
      shortfallId: Id('Shortfall id, stable across re-detections'),
      assetId: Id('The asset that falls short'),
      assetClass: AssetClass,
      siteId: Id('Site (compound) of the asset'),
      kind: Type.Union([
        Type.Literal('below-quality-standard'),
        Type.Literal('sensor-threshold'),
        Type.Literal('device-offline'),
        Type.Literal('coverage-gap'),
      ]),
      severity: Severity,
      safetyCritical: Type.Boolean(),
      conditionIndex: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
      evidence: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 20 }),
      detectedAt: Timestamp('When the rule fired'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.assetId,
  example: {
    shortfallId: 'sf-road-n-court-07-pci',
    assetId: 'road-n-court-07',
    assetClass: 'road-segment',
    siteId: 'site-north-court',
    kind: 'below-quality-standard',
    severity: 'major',
    safetyCritical: false,
    conditionIndex: 38,
    evidence: ['PCI 38 below the class standard 70 (inspection insp-2041)'],
    detectedAt: '2026-03-02T09:15:00.000Z',
  },
});

import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { AssetClass, Id, Severity, Timestamp } from '../common';

/**
 * asset-inventory found an asset below its standard, a sensor over its limit, a device silent, or a
 * place without the monitoring it needs — with what budgeting needs to cost and rank a remedy: the
 * damaged quantity and its unit, the maintenance action the condition calls for, the responsible
 * department. Each opening of a shortfall has its own id; a re-detection while it is open repeats
 * the id (with the severity and evidence as they are now). At most one shortfall of an asset and kind
 * is open at a time; the rules of the kind firing now are listed in it.
 */
export const ShortfallDetectedV2 = defineEvent({
  type: 'shortfall.detected',
  version: 2,
  schema: Type.Object(
    {
      shortfallId: Id('This opening of the shortfall: stable while it stays open'),
      assetId: Id('The asset that falls short'),
      assetClass: AssetClass,
      siteId: Id('Site (compound) of the asset'),
      zoneId: Type.Optional(Id('Zone of the asset')),
      buildingId: Type.Optional(Id('Building of the asset')),
      department: Id('The department responsible for the asset'),
      kind: Type.Union([
        Type.Literal('below-quality-standard'),
        Type.Literal('sensor-threshold'),
        Type.Literal('device-offline'),
        Type.Literal('coverage-gap'),
      ]),
      rules: Type.Array(
        Type.String({
          minLength: 1,
          maxLength: 120,
          description: 'condition, dust-load, sensor:<metric>@<device>, offline, coverage:<device kind>',
        }),
        { minItems: 1, maxItems: 20, description: 'The rules of the kind firing now' },
      ),
      severity: Severity,
      safetyCritical: Type.Boolean(),
      conditionIndex: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
      damage: Type.Optional(
        Type.Object(
          {
            quantity: Type.Number({ minimum: 0 }),
            unit: Type.String({ minLength: 1, maxLength: 16, description: 'm2, m, count, slabs, units' }),
          },
          { additionalProperties: false },
        ),
      ),
      action: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 40,
          description: 'routine, minor-repair, medium-repair, major-repair, reconstruction',
        }),
      ),
      evidence: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 20 }),
      openedAt: Timestamp('When this opening began'),
      detectedAt: Timestamp('When the rule fired this time'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.assetId,
  example: {
    shortfallId: 'NY-RD-012-below-quality-standard-1',
    assetId: 'NY-RD-012',
    assetClass: 'road-segment',
    siteId: 'NY',
    zoneId: 'NY-A',
    department: 'general-affairs',
    kind: 'below-quality-standard',
    rules: ['condition'],
    severity: 'major',
    safetyCritical: false,
    conditionIndex: 38,
    damage: { quantity: 42.5, unit: 'm2' },
    action: 'major-repair',
    evidence: ['PCI 38 below the road-segment standard of at least 70, by 32 (inspection insp-2041)'],
    openedAt: '2026-03-02T09:15:00.000Z',
    detectedAt: '2026-03-02T09:15:00.000Z',
  },
});

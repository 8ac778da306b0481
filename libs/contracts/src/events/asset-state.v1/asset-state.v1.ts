import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { AssetClass, Fen, Id, Timestamp } from '../common';

/**
 * The current state of one asset — what other services need to cost, rank and assign work on it —
 * published by asset-inventory after every change. Compacted: the newest state of each asset
 * survives, so a service starting with an empty database rebuilds its asset facts from the topic.
 */
export const AssetStateV1 = defineEvent({
  type: 'asset.state',
  version: 1,
  cleanupPolicy: 'compact',
  schema: Type.Object(
    {
      assetId: Id('Asset code, e.g. NY-RD-012'),
      assetClass: AssetClass,
      name: Type.String({ minLength: 1, maxLength: 100 }),
      siteId: Id('Site'),
      zoneId: Type.Optional(Id('Zone, <site>-<code>')),
      buildingId: Type.Optional(Id('Building, <site>-<code>')),
      department: Id('Responsible department: budget caps and work assignment are kept per department'),
      criticality: Type.Integer({ minimum: 1, maximum: 5 }),
      status: Type.Union([
        Type.Literal('in-service'),
        Type.Literal('under-maintenance'),
        Type.Literal('out-of-service'),
        Type.Literal('retired'),
      ]),
      /** What quantities of work are priced against: the road's area, the restroom's fixtures, one device. */
      size: Type.Object(
        {
          areaM2: Type.Optional(Type.Number({ minimum: 0 })),
          lengthM: Type.Optional(Type.Number({ minimum: 0 })),
          fixtures: Type.Optional(Type.Integer({ minimum: 0 })),
          units: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
      installedOn: Type.String({ format: 'date' }),
      expectedLifeYears: Type.Number({ minimum: 0, maximum: 200 }),
      replacementCostFen: Fen('Cost of replacing it new, in fen'),
      dailyFootfall: Type.Optional(Type.Integer({ minimum: 0 })),
      condition: Type.Optional(
        Type.Object(
          {
            index: Type.Number({ minimum: 0, maximum: 100 }),
            grade: Type.Optional(Type.String({ maxLength: 20 })),
            action: Type.Optional(Type.String({ maxLength: 40 })),
            assessedAt: Timestamp('When the index was assessed'),
          },
          { additionalProperties: false },
        ),
      ),
      lastCalibratedAt: Type.Optional(
        Timestamp(
          'Monitoring devices: when the device was last calibrated (its newest calibration on record)',
        ),
      ),
      version: Type.Integer({ minimum: 1, description: 'Grows with every change: keep only the newest' }),
      updatedAt: Timestamp('When this state was reached'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.assetId,
  example: {
    assetId: 'NY-RD-012',
    assetClass: 'road-segment',
    name: '南院主干道（东段）',
    siteId: 'NY',
    zoneId: 'NY-A',
    department: 'general-affairs',
    criticality: 4,
    status: 'in-service',
    size: { areaM2: 840, lengthM: 120 },
    installedOn: '2009-06-01',
    expectedLifeYears: 15,
    replacementCostFen: 50_400_000,
    condition: { index: 58.2, grade: 'D', action: 'major-repair', assessedAt: '2026-03-02T09:15:00.000Z' },
    version: 4,
    updatedAt: '2026-03-02T09:15:00.000Z',
  },
});

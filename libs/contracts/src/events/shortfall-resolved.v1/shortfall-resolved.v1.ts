import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

export const ShortfallResolvedV1 = defineEvent({
  type: 'shortfall.resolved',
  version: 1,
  schema: Type.Object(
    {
      shortfallId: Id('The shortfall that no longer holds'),
      assetId: Id('Its asset'),
      resolution: Type.Union([
        Type.Literal('repaired'),
        Type.Literal('cleared-by-reading'),
        Type.Literal('withdrawn'),
      ]),
      workOrderId: Type.Optional(Id('Work order that fixed it, if any')),
      resolvedAt: Timestamp('When it was resolved'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.assetId,
  example: {
    shortfallId: 'sf-road-n-court-07-pci',
    assetId: 'road-n-court-07',
    resolution: 'repaired',
    workOrderId: 'wo-2026-000131',
    resolvedAt: '2026-03-09T16:40:00.000Z',
  },
});

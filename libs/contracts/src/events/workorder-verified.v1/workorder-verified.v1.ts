import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** A supervisor verified completed work and rated it on the four-level scale (良好 / 优秀 / 卓越 / 极致). */
export const WorkOrderVerifiedV1 = defineEvent({
  type: 'workorder.verified',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      rating: Type.Union([
        Type.Literal('good'),
        Type.Literal('excellent'),
        Type.Literal('outstanding'),
        Type.Literal('perfect'),
      ]),
      assignee: Type.Optional(Id('The crew, contractor or person credited')),
      standardHours: Type.Number({ minimum: 0, maximum: 100_000, description: 'Workload credited' }),
      verifiedBy: Id('Who verified it'),
      verifiedAt: Timestamp('When'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    rating: 'excellent',
    assignee: 'crew-roads-1',
    standardHours: 21.25,
    verifiedBy: 'u-supervisor-wang',
    verifiedAt: '2026-03-05T16:00:00.000Z',
  },
});

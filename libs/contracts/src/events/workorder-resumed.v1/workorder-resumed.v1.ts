import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** A held work order went on, with its due time moved by the hold. */
export const WorkOrderResumedV1 = defineEvent({
  type: 'workorder.resumed',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      resumedBy: Id('Who resumed it'),
      resumedAt: Timestamp('When'),
      resolveBy: Timestamp('The resolution due time after the hold'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    resumedBy: 'u-crew-li',
    resumedAt: '2026-03-04T09:00:00.000Z',
    resolveBy: '2026-03-05T10:00:00.000Z',
  },
});

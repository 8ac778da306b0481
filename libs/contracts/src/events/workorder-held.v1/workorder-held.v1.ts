import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** A work order was put on hold, with the reason. */
export const WorkOrderHeldV1 = defineEvent({
  type: 'workorder.held',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      reason: Type.String({ minLength: 3, maxLength: 500 }),
      heldBy: Id('Who held it'),
      heldAt: Timestamp('When'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    reason: '等待沥青供货',
    heldBy: 'u-crew-li',
    heldAt: '2026-03-03T09:00:00.000Z',
  },
});

import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** Verification failed: the work order is open again, with the reason. */
export const WorkOrderReopenedV1 = defineEvent({
  type: 'workorder.reopened',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      reason: Type.String({ minLength: 3, maxLength: 500 }),
      reopenedBy: Id('Who rejected the work'),
      reopenedAt: Timestamp('When'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    reason: '修补处边缘未压实',
    reopenedBy: 'u-supervisor-wang',
    reopenedAt: '2026-03-05T16:00:00.000Z',
  },
});

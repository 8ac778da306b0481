import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** Work on an order began. */
export const WorkOrderStartedV1 = defineEvent({
  type: 'workorder.started',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      startedBy: Id('Who started it'),
      startedAt: Timestamp('When the server received it'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    startedBy: 'u-crew-li',
    startedAt: '2026-03-02T13:05:00.000Z',
  },
});

import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** A step of the escalation ladder fell due for a work order not done: who was told, and why. */
export const WorkOrderEscalatedV1 = defineEvent({
  type: 'workorder.escalated',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      stepId: Id('The ladder step'),
      notify: Id('Who the step tells: crew, supervisor, section-chief, bureau-leadership …'),
      dueAt: Timestamp('When the step fell due'),
      escalatedAt: Timestamp('When it was sent'),
      recipients: Type.Array(Id('A person told'), { maxItems: 50 }),
      resolveBy: Timestamp('The order’s resolution due time'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    stepId: 'notify-supervisor',
    notify: 'supervisor',
    dueAt: '2026-03-02T12:00:00.000Z',
    escalatedAt: '2026-03-02T12:00:01.000Z',
    recipients: ['u-supervisor-wang'],
    resolveBy: '2026-03-04T10:00:00.000Z',
  },
});

import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** A work order was given to a crew, a contractor or a person. */
export const WorkOrderAssignedV1 = defineEvent({
  type: 'workorder.assigned',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      assignee: Type.Object(
        {
          kind: Type.Union([Type.Literal('crew'), Type.Literal('contractor'), Type.Literal('person')]),
          id: Id('The crew, contractor or person'),
        },
        { additionalProperties: false },
      ),
      assignedBy: Id('Who assigned it'),
      assignedAt: Timestamp('When'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    assignee: { kind: 'crew', id: 'crew-roads-1' },
    assignedBy: 'u-supervisor-wang',
    assignedAt: '2026-03-02T10:20:00.000Z',
  },
});

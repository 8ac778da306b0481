import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Priority, Timestamp } from '../common';

/** A work order was opened: from a funded remediation, an occupant's request, a supervisor or a preventive plan. */
export const WorkOrderCreatedV1 = defineEvent({
  type: 'workorder.created',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      source: Type.Union([
        Type.Literal('remediation'),
        Type.Literal('request'),
        Type.Literal('supervisor'),
        Type.Literal('preventive'),
      ]),
      remediationId: Type.Optional(Id('The remediation that funded it')),
      shortfallId: Type.Optional(Id('The shortfall it fixes')),
      assetId: Type.Optional(Id('The asset, when the work is on one')),
      department: Id('The department responsible'),
      zoneId: Type.Optional(Id('The zone of the work')),
      priority: Priority,
      taskType: Id('The service-quota task type'),
      quotaVersion: Type.Optional(Type.Integer({ minimum: 1 })),
      quantity: Type.Optional(Type.Number({ minimum: 0 })),
      unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
      standardHours: Type.Number({ minimum: 0, maximum: 100_000 }),
      title: Type.String({ minLength: 1, maxLength: 200 }),
      respondBy: Timestamp('Response due'),
      resolveBy: Timestamp('Resolution due'),
      createdAt: Timestamp('When it was opened'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-rem-NY-RD-012-below-quality-standard-1',
    source: 'remediation',
    remediationId: 'rem-NY-RD-012-below-quality-standard-1',
    shortfallId: 'NY-RD-012-below-quality-standard-1',
    assetId: 'NY-RD-012',
    department: 'general-affairs',
    zoneId: 'NY-A',
    priority: 'P2',
    taskType: 'pothole-patch',
    quotaVersion: 1,
    quantity: 42.5,
    unit: 'm2',
    standardHours: 21.25,
    title: '南院主干道坑槽修补',
    respondBy: '2026-03-02T12:00:00.000Z',
    resolveBy: '2026-03-04T10:00:00.000Z',
    createdAt: '2026-03-02T10:00:00.000Z',
  },
});

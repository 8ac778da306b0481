import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/**
 * A work order was cancelled before it was completed. When it was funded by a remediation, the
 * remediation's id and fiscal year ride along so budget-allocation can release what it committed.
 */
export const WorkOrderCancelledV1 = defineEvent({
  type: 'workorder.cancelled',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      remediationId: Type.Optional(Id('The remediation that funded it, if any')),
      fiscalYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
      shortfallId: Type.Optional(Id('Shortfall the work was to fix')),
      assetId: Id('Asset the work was for'),
      reason: Type.String({ minLength: 3, maxLength: 500 }),
      cancelledBy: Id('Who cancelled it'),
      cancelledAt: Timestamp('When'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-2026-000131',
    remediationId: 'rem-NY-RD-012-below-quality-standard-1',
    fiscalYear: 2026,
    shortfallId: 'NY-RD-012-below-quality-standard-1',
    assetId: 'NY-RD-012',
    reason: 'the road is to be rebuilt by the district next month',
    cancelledBy: 'supervisor-wang',
    cancelledAt: '2026-04-02T08:15:00.000Z',
  },
});

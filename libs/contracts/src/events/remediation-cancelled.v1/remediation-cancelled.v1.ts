import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/**
 * budget-allocation took back the funding of a remediation it had funded: a revision of the
 * approved investment plan removed it. Its commitment is released; work-orders cancels the order
 * it opened for it, if any.
 */
export const RemediationCancelledV1 = defineEvent({
  type: 'remediation.cancelled',
  version: 1,
  schema: Type.Object(
    {
      remediationId: Id('The remediation no longer funded'),
      shortfallId: Id('The shortfall it was to remedy'),
      assetId: Id('Its asset'),
      fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
      planId: Type.Optional(Id('The investment plan whose revision removed it')),
      reason: Type.String({ minLength: 3, maxLength: 500, description: 'Why, as the reviser gave it' }),
      cancelledBy: Id('Who revised the plan'),
      cancelledAt: Timestamp('When'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.remediationId,
  example: {
    remediationId: 'rem-NY-RD-012-below-quality-standard-1',
    shortfallId: 'NY-RD-012-below-quality-standard-1',
    assetId: 'NY-RD-012',
    fiscalYear: 2026,
    planId: 'plan-2026-4f1c2a',
    reason: 'resurfacing deferred to the 2027 road programme',
    cancelledBy: 'finance-li',
    cancelledAt: '2026-05-11T09:30:00.000Z',
  },
});

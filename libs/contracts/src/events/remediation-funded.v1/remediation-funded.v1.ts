import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Fen, Id, Priority, Timestamp } from '../common';

const Envelope = Type.Union([
  Type.Literal('maintenance'),
  Type.Literal('capital'),
  Type.Literal('emergency-reserve'),
]);

/**
 * budget-allocation committed money to fix a shortfall; work-orders turns it into work. It carries
 * the quota version the work was priced by (standards.service-quota.v1 `<taskType>:<version>`), so
 * the order is held to that version's standard hours and quality criteria.
 */
export const RemediationFundedV1 = defineEvent({
  type: 'remediation.funded',
  version: 1,
  schema: Type.Object(
    {
      remediationId: Id('Remediation id: also the budget commitment'),
      shortfallId: Id('The shortfall being fixed'),
      assetId: Id('Its asset'),
      department: Id('The department responsible for the asset'),
      zoneId: Type.Optional(Id('Zone of the asset, <site>-<zone>')),
      fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
      envelope: Envelope,
      amountFen: Fen('Committed amount in fen'),
      priority: Priority,
      taskType: Id('Service-quota task type, e.g. pothole-patch'),
      quotaVersion: Type.Integer({ minimum: 1, description: 'The quota version it was priced by' }),
      quantity: Type.Number({ minimum: 0, description: 'How much of the task: 42.5 (m2), 1 (unit) …' }),
      unit: Type.String({ minLength: 1, maxLength: 16 }),
      standardHours: Type.Number({
        minimum: 0,
        description: 'quantity × the quota’s standard hours per unit',
      }),
      fundedAt: Timestamp('When the money was committed'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.remediationId,
  example: {
    remediationId: 'rem-NY-RD-012-below-quality-standard-1',
    shortfallId: 'NY-RD-012-below-quality-standard-1',
    assetId: 'NY-RD-012',
    department: 'general-affairs',
    zoneId: 'NY-A',
    fiscalYear: 2026,
    envelope: 'maintenance',
    amountFen: 658_750,
    priority: 'P2',
    taskType: 'pothole-patch',
    quotaVersion: 1,
    quantity: 42.5,
    unit: 'm2',
    standardHours: 34,
    fundedAt: '2026-03-02T10:00:00.000Z',
  },
});

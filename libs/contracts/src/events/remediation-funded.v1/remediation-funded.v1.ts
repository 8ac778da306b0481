import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Fen, Id, Priority, Timestamp } from '../common';

/** budget-allocation committed money to fix a shortfall; work-orders turns it into work. */
export const RemediationFundedV1 = defineEvent({
  type: 'remediation.funded',
  version: 1,
  schema: Type.Object(
    {
      remediationId: Id('Remediation id'),
      shortfallId: Id('The shortfall being fixed'),
      assetId: Id('Its asset'),
      envelope: Type.Union([
        Type.Literal('maintenance'),
        Type.Literal('capital'),
        Type.Literal('emergency-reserve'),
      ]),
      amountFen: Fen('Committed amount in fen'),
      priority: Priority,
      taskType: Id('Service-quota task type, e.g. road.pothole-patch'),
      fundedAt: Timestamp('When the money was committed'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.remediationId,
  example: {
    remediationId: 'rem-2026-0042',
    shortfallId: 'sf-road-n-court-07-pci',
    assetId: 'road-n-court-07',
    envelope: 'maintenance',
    amountFen: 1_250_000,
    priority: 'P2',
    taskType: 'road.pothole-patch',
    fundedAt: '2026-03-02T10:00:00.000Z',
  },
});

import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Fen, Id, Timestamp } from '../common';

export const WorkOrderCompletedV1 = defineEvent({
  type: 'workorder.completed',
  version: 1,
  schema: Type.Object(
    {
      workOrderId: Id('Work order id'),
      remediationId: Type.Optional(Id('Funding remediation, when the work was funded by the plan')),
      shortfallId: Type.Optional(Id('Shortfall the work fixes')),
      assetId: Id('Asset worked on'),
      completedBy: Id('Crew or contractor that closed it'),
      actualCostFen: Fen('Actual cost in fen'),
      envelope: Type.Optional(
        Type.Union(
          [Type.Literal('maintenance'), Type.Literal('capital'), Type.Literal('emergency-reserve')],
          {
            description:
              'The envelope work no remediation funded is charged to (occupants’ requests, supervisors’ orders, preventive rounds); maintenance when absent. Ignored for funded work, which is charged where it was committed.',
          },
        ),
      ),
      labourHours: Type.Number({ minimum: 0, maximum: 10_000 }),
      completedAt: Timestamp('When the crew closed it'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.workOrderId,
  example: {
    workOrderId: 'wo-2026-000131',
    remediationId: 'rem-2026-0042',
    shortfallId: 'sf-road-n-court-07-pci',
    assetId: 'road-n-court-07',
    completedBy: 'crew-roads-1',
    actualCostFen: 1_180_000,
    labourHours: 14.5,
    completedAt: '2026-03-09T16:30:00.000Z',
  },
});

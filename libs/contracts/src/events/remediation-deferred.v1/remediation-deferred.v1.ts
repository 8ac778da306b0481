import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Fen, Id, Priority, Timestamp } from '../common';

/**
 * budget-allocation did not fund a shortfall's remedy now: it waits for the investment plan (too
 * dear for a small repair), or could not be funded (no budget, no quota to price it), with the reason.
 */
export const RemediationDeferredV1 = defineEvent({
  type: 'remediation.deferred',
  version: 1,
  schema: Type.Object(
    {
      shortfallId: Id('The shortfall whose remedy waits'),
      assetId: Id('Its asset'),
      department: Id('The department responsible for the asset'),
      reason: Type.Union([
        Type.Literal('awaits-plan'),
        Type.Literal('not-costed'),
        Type.Literal('insufficient-budget'),
        Type.Literal('no-budget-year'),
      ]),
      detail: Type.String({ minLength: 1, maxLength: 500 }),
      cheapestFen: Type.Optional(Fen('The cheapest costed option, fen')),
      priority: Priority,
      deferredAt: Timestamp('When it was decided'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.shortfallId,
  example: {
    shortfallId: 'NY-RD-012-below-quality-standard-1',
    assetId: 'NY-RD-012',
    department: 'general-affairs',
    reason: 'awaits-plan',
    detail: 'the cheapest option costs 10080000 fen, above the small-repair limit of 500000 fen',
    cheapestFen: 10_080_000,
    priority: 'P2',
    deferredAt: '2026-03-02T10:00:00.000Z',
  },
});

import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Fen, Timestamp } from '../common';

/**
 * What is committed against a fiscal year's envelope reached 80 % or 100 % of its limit: an alert for
 * finance and the console's feed. Once per year, envelope and level.
 */
export const BudgetThresholdCrossedV1 = defineEvent({
  type: 'budget.threshold-crossed',
  version: 1,
  schema: Type.Object(
    {
      fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
      envelope: Type.Union([
        Type.Literal('maintenance'),
        Type.Literal('capital'),
        Type.Literal('emergency-reserve'),
      ]),
      thresholdPct: Type.Union([Type.Literal(80), Type.Literal(100)]),
      limitFen: Fen('The envelope’s limit'),
      committedFen: Fen('Committed when it was crossed'),
      crossedAt: Timestamp('When the commitment that crossed it was made'),
    },
    { additionalProperties: false },
  ),
  key: (d) => `${d.fiscalYear}:${d.envelope}`,
  example: {
    fiscalYear: 2026,
    envelope: 'maintenance',
    thresholdPct: 80,
    limitFen: 100_000_000,
    committedFen: 80_250_000,
    crossedAt: '2026-09-14T10:00:00.000Z',
  },
});

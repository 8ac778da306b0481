import { Type, type Static } from '@sinclair/typebox';

export const ConditionHistoryQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Start of the period; three years before `to` by default',
      }),
    ),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the period; now by default' })),
  },
  { additionalProperties: false },
);
export type ConditionHistoryQuery = Static<typeof ConditionHistoryQuery>;

import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@buqi/platform';
import { Fen } from '../../budgets/use-cases/budget-requests';
import { DEFAULT_YEARS, MAX_LEVELS, MAX_YEARS } from '../domain/projection';

export const WhatIfRequest = Closed(
  {
    levelsFen: Type.Array(Fen('A budget level: fen to spend each year on the backlog'), {
      minItems: 1,
      maxItems: MAX_LEVELS,
      uniqueItems: true,
      description: `The budget levels to compare, fen a year (1–${MAX_LEVELS}, each different)`,
    }),
    years: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_YEARS,
        default: DEFAULT_YEARS,
        description: `Years to project (1–${MAX_YEARS})`,
      }),
    ),
    fiscalYear: Type.Optional(
      Type.Integer({
        minimum: 2000,
        maximum: 2100,
        description: 'The fiscal year of the first year’s spending; default the current year',
      }),
    ),
    capitalSharePercent: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100,
        description:
          'The share of each level for the capital envelope (renewals), the rest for maintenance (repairs); default: as the first year’s maintenance and capital envelopes stand, or half each when that year is not open or both are 0',
      }),
    ),
  },
  'Budget levels to compare over the years',
);
export type WhatIfRequest = Static<typeof WhatIfRequest>;

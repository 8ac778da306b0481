import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@buqi/platform';
import { Fen } from '../../budgets/use-cases/budget-requests';

export const TASK_TYPE = '^[a-z][a-z0-9-]{1,39}$';
const Day = (description: string) => Type.String({ format: 'date', description });

const Terms = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 沥青路面坑槽修补' }),
  unit: Type.String({ minLength: 1, maxLength: 16, description: 'What a quantity counts: m2, m, unit …' }),
  standardHoursPerUnit: Type.Number({ minimum: 0, maximum: 10_000, description: 'The workload standard' }),
  labourFenPerUnit: Fen('Labour per unit, fen'),
  materialsFenPerUnit: Fen('Materials per unit, fen'),
  quality: Closed(
    {
      checklist: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }),
      acceptance: Type.Array(
        Closed({
          criterion: Type.String({ minLength: 1, maxLength: 200 }),
          threshold: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        { maxItems: 50 },
      ),
    },
    'The quality standard: what is checked, and the thresholds for acceptance',
  ),
  effectiveFrom: Day('First day in force'),
  reason: Type.String({ minLength: 3, maxLength: 500, description: 'Why: kept in the audit trail' }),
};

export const DefineQuotaRequest = Closed(
  { taskType: Type.String({ pattern: TASK_TYPE, description: 'e.g. pothole-patch' }), ...Terms },
  'A new task type with its first quota version',
);
export type DefineQuotaRequest = Static<typeof DefineQuotaRequest>;

export const AddVersionRequest = Closed(Terms, 'A new version of a quota, from a later day than the latest');
export type AddVersionRequest = Static<typeof AddVersionRequest>;

export const QuotaParams = Closed({ taskType: Type.String({ pattern: TASK_TYPE }) });
export type QuotaParams = Static<typeof QuotaParams>;

export const InForceQuery = Closed({ at: Type.Optional(Day('The day; today (UTC) by default')) });
export type InForceQuery = Static<typeof InForceQuery>;

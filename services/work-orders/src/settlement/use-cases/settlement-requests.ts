import { Type, type Static } from '@sinclair/typebox';
import { Closed, Literals } from '@buqi/platform';
import { MONTH_PATTERN } from '../domain/month';
import { SETTLEMENT_STATUSES } from '../persistence/settlement.schema';

const Code = (description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$', description });
export const Month = Type.String({
  pattern: MONTH_PATTERN,
  description: 'A calendar month, YYYY-MM, in Asia/Shanghai (from 00:00 +08:00 on the 1st)',
});
const BasisPoints = (description: string) =>
  Type.Integer({ minimum: 0, maximum: 10_000, description: `${description}, basis points (100 = 1 %)` });

export const ComputeSettlementRequest = Closed(
  { contractorId: Code('The contractor, as orders are assigned to it'), month: Month },
  'A contractor’s month to settle: computed as a draft, or recomputed while it is one',
);
export type ComputeSettlementRequest = Static<typeof ComputeSettlementRequest>;

export const SettlementParams = Closed({
  id: Type.String({ pattern: '^st-[0-9]{4}-[0-9]{2}-[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' }),
});
export type SettlementParams = Static<typeof SettlementParams>;

export const SETTLEMENT_LIST = {
  sortable: ['month', 'contractorId', 'updatedAt'],
  defaultSort: '-month',
  filters: {
    contractorId: Code('One contractor’s statements'),
    month: Month,
    status: Literals(SETTLEMENT_STATUSES),
  },
} as const;

export const DeductionRulesRequest = Closed(
  {
    rejectionBp: BasisPoints('Deducted per rejected verification before the final one'),
    failedChecklistItemBp: BasisPoints('Deducted per checklist item failed at verification'),
    orderCapBp: BasisPoints('The most one order’s deductions may take in all'),
    unreportedItemsFail: Type.Boolean({
      description: 'Whether a quota checklist item the closure does not report counts as failed',
    }),
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Why: kept with the rules and audited',
    }),
  },
  'The deduction rules settlements are computed by, from the next computation on',
);
export type DeductionRulesRequest = Static<typeof DeductionRulesRequest>;

/** The id of a contractor's statement for a month. */
export const settlementId = (contractorId: string, month: string): string => `st-${month}-${contractorId}`;

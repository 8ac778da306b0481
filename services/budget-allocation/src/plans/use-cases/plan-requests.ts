import { Fen } from '@buqi/contracts';
import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '@buqi/auth';
import { Closed, Literals } from '@buqi/platform';
import { PLAN_ENVELOPES } from '../domain/plan-problem';

const Reason = Type.String({
  minLength: 3,
  maxLength: 500,
  description: 'Why: kept with the plan and in the audit trail',
});
const CandidateId = Type.String({
  pattern: '^[A-Za-z0-9_.:-]{1,120}$',
  description: 'A candidate (its shortfall opening)',
});

export const ProposePlanRequest = Closed(
  {
    fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    budgetFen: Type.Optional(
      Closed(
        Object.fromEntries(
          PLAN_ENVELOPES.map((e) => [e, Type.Optional(Fen(`What the plan may spend from ${e}, fen`))]),
        ),
        'What the plan may spend from each envelope, fen; by default all that is available, never more',
      ),
    ),
    timeLimitSeconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 600,
        default: 30,
        description: 'The solve stops after this; the best plan found is kept',
      }),
    ),
    dependencies: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,120}$' }),
        Type.Array(CandidateId, { minItems: 1, maxItems: 20 }),
        {
          description: 'Candidate → the candidates it may be funded only with (drainage before resurfacing)',
          additionalProperties: false,
        },
      ),
    ),
    reason: Reason,
  },
  'An investment plan to solve over the candidates awaiting it',
);
export type ProposePlanRequest = Static<typeof ProposePlanRequest>;

export const ApproveRequest = Closed(
  { comment: Type.Optional(Type.String({ maxLength: 500 })) },
  'A signature of the next step of the approval chain',
);
export type ApproveRequest = Static<typeof ApproveRequest>;

export const RejectRequest = Closed({ reason: Reason }, 'A refusal: the plan is closed');
export type RejectRequest = Static<typeof RejectRequest>;

export const ReviseRequest = Closed(
  {
    add: Type.Optional(
      Type.Array(
        Closed({ candidateId: CandidateId, option: Type.String({ pattern: '^[a-z][a-z-]{1,40}$' }) }),
        { maxItems: 200, description: 'Candidates to fund, each with the option chosen' },
      ),
    ),
    remove: Type.Optional(
      Type.Array(CandidateId, {
        maxItems: 200,
        description: 'Items to take out: their funding is withdrawn',
      }),
    ),
    reason: Reason,
  },
  'A revision of an approved plan',
);
export type ReviseRequest = Static<typeof ReviseRequest>;

export const PolicyRequest = Closed(
  {
    steps: Type.Array(
      Closed({
        role: Literals(ROLES, 'Who signs this step'),
        label: Type.String({ minLength: 1, maxLength: 80 }),
        aboveFen: Type.Optional(Fen('The step applies only to plans whose total is above this, fen')),
      }),
      { minItems: 1, maxItems: 6 },
    ),
    reason: Reason,
  },
  'The approval chain for investment plans',
);
export type PolicyRequest = Static<typeof PolicyRequest>;

export const PlanParams = Closed({ id: Type.String({ pattern: '^plan-[0-9]{4}-[a-f0-9]{10}$' }) });
export type PlanParams = Static<typeof PlanParams>;

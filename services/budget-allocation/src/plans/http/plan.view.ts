import { Type, type Static } from '@sinclair/typebox';
import type { ApprovalPolicyDocument, PlanDocument } from '../persistence/plan.schema';

const Fen = (description: string) => Type.Integer({ minimum: 0, description });
const When = Type.String({ format: 'date-time' });

const Step = Type.Object({
  role: Type.String(),
  label: Type.String(),
  aboveFen: Type.Optional(Fen('Applies to plans above this total, fen')),
});

const Item = Type.Object({
  candidateId: Type.String(),
  remediationId: Type.String({ description: 'The id its funding and work order carry' }),
  assetId: Type.String(),
  department: Type.String(),
  zoneId: Type.Optional(Type.String()),
  priority: Type.String(),
  riskScore: Type.Number(),
  option: Type.String(),
  taskType: Type.String(),
  quotaVersion: Type.Integer(),
  quantity: Type.Number(),
  unit: Type.String(),
  standardHours: Type.Number(),
  envelope: Type.String(),
  costFen: Fen('fen'),
  benefit: Type.Number({ description: 'Risk-years removed (risk score × lifetime, up to 10 years)' }),
  lifetimeYears: Type.Number(),
});

const Progress = Type.Object({
  method: Type.String({ description: 'exact (HiGHS) or heuristic' }),
  objective: Type.Number({ description: 'The best plan’s risk-years removed so far' }),
  bound: Type.Optional(Type.Number({ description: 'Proven upper bound on any plan’s objective' })),
  gap: Type.Optional(Type.Number({ description: '(bound − objective) ÷ objective; 0 is proven optimal' })),
  seconds: Type.Number({ description: 'Seconds into the solve when it was found' }),
  at: When,
});

export const PlanSummaryView = Type.Object({
  id: Type.String(),
  fiscalYear: Type.Integer(),
  status: Type.String({ description: 'solving, proposed, failed, rejected, funding or approved' }),
  reason: Type.String(),
  requestedBy: Type.String(),
  budgetFen: Type.Record(Type.String(), Type.Integer(), {
    description: 'What the plan may spend per envelope',
  }),
  totalFen: Fen('What the plan spends'),
  itemCount: Type.Integer(),
  progress: Type.Optional(Progress),
  nextStep: Type.Optional(Step),
  createdAt: When,
  updatedAt: When,
});
export type PlanSummaryView = Static<typeof PlanSummaryView>;

export const PlanView = Type.Composite([
  PlanSummaryView,
  Type.Object({
    version: Type.Integer(),
    timeLimitSeconds: Type.Integer(),
    departmentCaps: Type.Record(Type.String(), Type.Integer()),
    zoneCaps: Type.Record(Type.String(), Type.Integer()),
    dependencies: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
    candidateCount: Type.Integer({ description: 'Candidates the plan chose among' }),
    notOffered: Type.Array(Type.String(), {
      description: 'Candidates awaiting a plan without a costed option',
    }),
    solution: Type.Optional(
      Type.Object({
        status: Type.String(),
        method: Type.String(),
        objective: Type.Union([Type.Number(), Type.Null()]),
        bound: Type.Optional(Type.Number()),
        gap: Type.Optional(Type.Number()),
        seconds: Type.Number(),
        elapsedSeconds: Type.Number(),
        runs: Type.Array(Type.Record(Type.String(), Type.Unknown())),
        excluded: Type.Integer(),
      }),
    ),
    failure: Type.Optional(Type.String()),
    items: Type.Array(Item),
    chain: Type.Array(Step),
    approvals: Type.Array(
      Type.Object({
        step: Type.Integer(),
        role: Type.String(),
        by: Type.String(),
        name: Type.Optional(Type.String()),
        department: Type.Optional(Type.String()),
        comment: Type.Optional(Type.String()),
        at: When,
      }),
    ),
    rejection: Type.Optional(
      Type.Object({ by: Type.String(), name: Type.Optional(Type.String()), reason: Type.String(), at: When }),
    ),
    funding: Type.Optional(
      Type.Object({
        startedAt: When,
        approvedAt: Type.Optional(When),
        fanOut: Type.Optional(Type.String()),
        dropped: Type.Optional(Type.Array(Type.Object({ candidateId: Type.String(), why: Type.String() }))),
        lastError: Type.Optional(Type.String()),
      }),
    ),
    revisions: Type.Array(
      Type.Object({
        number: Type.Integer(),
        by: Type.String(),
        name: Type.Optional(Type.String()),
        reason: Type.String(),
        at: When,
        added: Type.Array(
          Type.Object({ candidateId: Type.String(), option: Type.String(), costFen: Type.Integer() }),
        ),
        removed: Type.Array(
          Type.Object({ candidateId: Type.String(), option: Type.String(), costFen: Type.Integer() }),
        ),
        totalBeforeFen: Type.Integer(),
        totalAfterFen: Type.Integer(),
      }),
    ),
  }),
]);
export type PlanView = Static<typeof PlanView>;

export const PolicyView = Type.Object({
  steps: Type.Array(Step),
  reason: Type.String(),
  updatedBy: Type.String(),
  updatedAt: When,
});
export type PolicyView = Static<typeof PolicyView>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function toPlanSummaryView(p: PlanDocument): PlanSummaryView {
  const next = p.status === 'proposed' ? p.chain[p.approvals.length] : undefined;
  return {
    id: p._id,
    fiscalYear: p.fiscalYear,
    status: p.status,
    reason: p.reason,
    requestedBy: p.requestedBy,
    budgetFen: p.budgetFen,
    totalFen: p.totalFen,
    itemCount: p.items.length,
    ...(p.progress && { progress: { ...p.progress, at: iso(p.progress.at) } }),
    ...(next && { nextStep: next }),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export function toPlanView(p: PlanDocument): PlanView {
  return {
    ...toPlanSummaryView(p),
    version: p.version,
    timeLimitSeconds: p.timeLimitSeconds,
    departmentCaps: p.departmentCaps,
    zoneCaps: p.zoneCaps,
    ...(p.dependencies && { dependencies: p.dependencies }),
    candidateCount: p.candidates.length,
    notOffered: p.notOffered,
    ...(p.solution && { solution: p.solution }),
    ...(p.failure && { failure: p.failure }),
    items: p.items,
    chain: p.chain,
    approvals: p.approvals.map((a) => ({ ...a, at: iso(a.at) })),
    ...(p.rejection && { rejection: { ...p.rejection, at: iso(p.rejection.at) } }),
    ...(p.funding && { funding: fundingView(p.funding) }),
    revisions: p.revisions.map((r) => ({ ...r, at: iso(r.at) })),
  };
}

export function toPolicyView(p: ApprovalPolicyDocument): PolicyView {
  return { steps: p.steps, reason: p.reason, updatedBy: p.updatedBy, updatedAt: iso(p.updatedAt) };
}

function fundingView(f: NonNullable<PlanDocument['funding']>): NonNullable<PlanView['funding']> {
  const { startedAt, approvedAt, ...rest } = f;
  return { ...rest, startedAt: iso(startedAt), ...(approvedAt && { approvedAt: iso(approvedAt) }) };
}

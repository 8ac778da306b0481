import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { CandidateOption } from '../../candidates/persistence/candidate.schema';
import type { ApprovalStep } from '../domain/approval-chain';
import type { PlanEnvelope } from '../domain/plan-problem';

/**
 * solving → proposed (signed step by step) → funding (the last signature given, the money being
 * committed) → approved; failed (no plan could be made); rejected (an approver said no). A plan
 * that cannot be committed at the last step goes back to proposed with the reason.
 */
export const PLAN_STATUSES = ['solving', 'proposed', 'failed', 'rejected', 'funding', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A candidate as the plan saw it when it was made: what the plan is solved and funded from. */
export interface PlanCandidate {
  id: string;
  assetId: string;
  department: string;
  zoneId?: string;
  riskScore: number;
  priority: string;
  options: CandidateOption[];
}

/** A remedy the plan funds. */
export interface PlanItem {
  candidateId: string;
  remediationId: string;
  assetId: string;
  department: string;
  zoneId?: string;
  priority: string;
  riskScore: number;
  option: string;
  taskType: string;
  quotaVersion: number;
  quantity: number;
  unit: string;
  standardHours: number;
  envelope: PlanEnvelope;
  costFen: number;
  benefit: number;
  lifetimeYears: number;
}

export interface PlanProgress {
  method: string;
  objective: number;
  bound?: number;
  gap?: number;
  seconds: number;
  at: Date;
}

export interface PlanSolution {
  status: string;
  method: string;
  objective: number | null;
  bound?: number;
  gap?: number;
  /** When the best plan was found, and when the solve ended, seconds from its start. */
  seconds: number;
  elapsedSeconds: number;
  runs: Record<string, unknown>[];
  excluded: number;
  infeasibility?: string;
}

export interface PlanApproval {
  step: number;
  role: string;
  by: string;
  name?: string;
  department?: string;
  comment?: string;
  at: Date;
}

export interface PlanRevision {
  number: number;
  by: string;
  name?: string;
  reason: string;
  at: Date;
  added: { candidateId: string; option: string; costFen: number }[];
  removed: { candidateId: string; option: string; costFen: number }[];
  totalBeforeFen: number;
  totalAfterFen: number;
}

export interface PlanDocument {
  _id: string;
  fiscalYear: number;
  status: PlanStatus;
  reason: string;
  requestedBy: string;
  timeLimitSeconds: number;
  budgetFen: Record<PlanEnvelope, number>;
  departmentCaps: Record<string, number>;
  zoneCaps: Record<string, number>;
  dependencies?: Record<string, string[]>;
  candidates: PlanCandidate[];
  /** Candidates awaiting the plan that it could not offer (no costed option). */
  notOffered: string[];
  progress?: PlanProgress;
  solution?: PlanSolution;
  failure?: string;
  items: PlanItem[];
  totalFen: number;
  chain: ApprovalStep[];
  approvals: PlanApproval[];
  rejection?: { by: string; name?: string; reason: string; at: Date };
  funding?: {
    startedAt: Date;
    approvedAt?: Date;
    /** Candidates marked funded, released commitments given back: done, or still to do. */
    fanOut?: 'pending' | 'done';
    /** Items left out at approval because their candidate was withdrawn or funded meanwhile. */
    dropped?: { candidateId: string; why: string }[];
    lastError?: string;
  };
  revisions: PlanRevision[];
  /** Remediations a revision removed whose commitments are still to be released. */
  pendingReleases: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PLAN_MODEL = 'InvestmentPlan';

export const planSchema = new Schema<PlanDocument>(
  {
    _id: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    status: { type: String, required: true, enum: PLAN_STATUSES },
    reason: { type: String, required: true },
    requestedBy: { type: String, required: true },
    timeLimitSeconds: { type: Number, required: true },
    budgetFen: { type: Schema.Types.Mixed, required: true },
    departmentCaps: { type: Schema.Types.Mixed, default: {} },
    zoneCaps: { type: Schema.Types.Mixed, default: {} },
    dependencies: { type: Schema.Types.Mixed },
    candidates: { type: Schema.Types.Mixed, default: [] },
    notOffered: { type: [String], default: [] },
    progress: { type: Schema.Types.Mixed },
    solution: { type: Schema.Types.Mixed },
    failure: String,
    items: { type: Schema.Types.Mixed, default: [] },
    totalFen: { type: Number, default: 0 },
    chain: { type: Schema.Types.Mixed, default: [] },
    approvals: { type: Schema.Types.Mixed, default: [] },
    rejection: { type: Schema.Types.Mixed },
    funding: { type: Schema.Types.Mixed },
    revisions: { type: Schema.Types.Mixed, default: [] },
    pendingReleases: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'investment_plans', versionKey: false, strict: 'throw', minimize: false },
);
planSchema.index({ fiscalYear: -1, createdAt: -1, _id: 1 });
planSchema.index({ status: 1, 'funding.fanOut': 1 });
planSchema.plugin(aggregatePlugin);

/** The approval policy, one document: the steps a plan's total calls for. */
export interface ApprovalPolicyDocument {
  _id: string;
  steps: ApprovalStep[];
  reason: string;
  updatedBy: string;
  updatedAt: Date;
}

export const APPROVAL_POLICY_MODEL = 'ApprovalPolicy';

export const approvalPolicySchema = new Schema<ApprovalPolicyDocument>(
  {
    _id: { type: String, required: true },
    steps: { type: Schema.Types.Mixed, required: true },
    reason: { type: String, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'approval_policies', versionKey: false, strict: 'throw' },
);

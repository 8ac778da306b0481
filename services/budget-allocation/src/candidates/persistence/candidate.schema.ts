import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';

/** One way to remedy the shortfall, costed from the quota in force when it was detected. */
export interface CandidateOption {
  option: string;
  taskType: string;
  description: string;
  quantity?: number;
  unit?: string;
  quotaVersion?: number;
  unitPriceFen?: number;
  costFen?: number;
  standardHours?: number;
  /** Why it could not be costed: no quota in force, no damaged quantity, no area known. */
  missing?: string;
}

/**
 * A remediation candidate: one per shortfall opening (its id is the shortfall's), with its options
 * and its risk. Withdrawn when the shortfall is resolved; a withdrawn one never opens again (a
 * re-opened shortfall is a new opening, hence a new candidate).
 */
export interface CandidateDocument {
  _id: string;
  status: 'open' | 'withdrawn';
  assetId: string;
  assetClass?: string;
  kind?: string;
  severity?: string;
  safetyCritical?: boolean;
  department?: string;
  siteId?: string;
  zoneId?: string;
  /** The building its event named: weighs the risk while the asset itself is unknown here. */
  buildingId?: string;
  rules?: string[];
  damage?: { quantity: number; unit: string };
  action?: string;
  evidence?: string[];
  openedAt?: Date;
  detectedAt?: Date;
  options?: CandidateOption[];
  /** The condition index (0–100) the risk was assessed on: the inspection's, else one by severity. */
  conditionIndex?: number;
  risk?: Record<string, unknown>;
  riskScore?: number;
  priority?: string;
  withdrawnAt?: Date;
  resolution?: string;
  /** What the funding rules decided, once (with remediation.funded.v1 or .deferred.v1 in the outbox). */
  funding?: Funding;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Funding {
  status: 'funded' | 'deferred';
  remediationId?: string;
  fiscalYear?: number;
  envelope?: string;
  amountFen?: number;
  option?: string;
  taskType?: string;
  quotaVersion?: number;
  /** The investment plan that funded it (none when the funding rules did). */
  planId?: string;
  reason?: string;
  detail?: string;
  decidedAt: Date;
}

export const CANDIDATE_MODEL = 'Candidate';

export const candidateSchema = new Schema<CandidateDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'withdrawn'] },
    assetId: { type: String, required: true },
    assetClass: String,
    kind: String,
    severity: String,
    safetyCritical: Boolean,
    department: String,
    siteId: String,
    zoneId: String,
    buildingId: String,
    rules: { type: [String], default: undefined },
    damage: { type: Schema.Types.Mixed },
    action: String,
    evidence: { type: [String], default: undefined },
    openedAt: Date,
    detectedAt: Date,
    options: { type: Schema.Types.Mixed },
    conditionIndex: Number,
    risk: { type: Schema.Types.Mixed },
    riskScore: Number,
    priority: String,
    withdrawnAt: Date,
    resolution: String,
    funding: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'remediation_candidates', versionKey: false, strict: 'throw', minimize: false },
);
candidateSchema.index({ status: 1, riskScore: -1, _id: 1 });
candidateSchema.plugin(aggregatePlugin);

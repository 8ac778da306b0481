import { Schema } from 'mongoose';
import type { DeductionRules, StatementLine, UnpricedOrder } from '../domain/settlement';

export const SETTLEMENT_STATUSES = ['draft', 'approved'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

/**
 * A contractor's monthly statement: computed as a draft (recomputed on request while it is one),
 * approved once by finance, then fixed. It keeps the rules it was computed by.
 */
export interface SettlementDocument {
  /** `st-<YYYY-MM>-<contractorId>`: one statement per contractor and month. */
  _id: string;
  contractorId: string;
  month: string;
  timeZone: string;
  periodFrom: Date;
  periodTo: Date;
  status: SettlementStatus;
  rules: DeductionRules & { version: number };
  lines: StatementLine[];
  unpriced: UnpricedOrder[];
  totals: {
    pricedOrders: number;
    unpricedOrders: number;
    grossFen: number;
    deductionFen: number;
    netFen: number;
  };
  computedAt: Date;
  computedBy: string;
  approvedAt?: Date;
  approvedBy?: string;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export const SETTLEMENT_MODEL = 'Settlement';

export const settlementSchema = new Schema<SettlementDocument>(
  {
    _id: { type: String, required: true },
    contractorId: { type: String, required: true },
    month: { type: String, required: true },
    timeZone: { type: String, required: true },
    periodFrom: { type: Date, required: true },
    periodTo: { type: Date, required: true },
    status: { type: String, required: true, enum: SETTLEMENT_STATUSES },
    rules: { type: Schema.Types.Mixed, required: true },
    lines: { type: Schema.Types.Mixed, default: [] },
    unpriced: { type: Schema.Types.Mixed, default: [] },
    totals: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
    computedBy: { type: String, required: true },
    approvedAt: Date,
    approvedBy: String,
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'settlements', versionKey: false, strict: 'throw', minimize: false },
);
settlementSchema.index({ month: -1, contractorId: 1 });

/** The deduction rules finance keeps: one document, versioned; absent until first changed. */
export interface DeductionRulesDocument extends DeductionRules {
  _id: string;
  version: number;
  reason: string;
  updatedAt: Date;
  updatedBy: string;
}

export const DEDUCTION_RULES_MODEL = 'SettlementDeductionRules';
export const DEDUCTION_RULES_ID = 'contractor-deductions';

export const deductionRulesSchema = new Schema<DeductionRulesDocument>(
  {
    _id: { type: String, required: true },
    rejectionBp: { type: Number, required: true },
    failedChecklistItemBp: { type: Number, required: true },
    orderCapBp: { type: Number, required: true },
    unreportedItemsFail: { type: Boolean, required: true },
    version: { type: Number, required: true },
    reason: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'settlement_rules', versionKey: false, strict: 'throw', minimize: false },
);

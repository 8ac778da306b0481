import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';

/** A commitment as stored in its year's document: what it drew on, who made it and why. */
export interface StoredCommitment {
  envelope: string;
  amountFen: number;
  department: string;
  zoneId?: string;
  reason: string;
  /** The limits it drew on (`envelopes.maintenance`, `departmentCaps.general-affairs` …): what a release gives back to. */
  draws: string[];
  at: Date;
  by: string;
}

interface CounterDocument {
  limitFen: number;
  committedFen: number;
  availableFen: number;
}

/** What a completed work order cost, booked once per completion event (its id keys the record). */
export interface StoredActual {
  workOrderId: string;
  envelope: string;
  amountFen: number;
  /** The commitment it is booked against, when the work was funded. */
  commitmentId?: string;
  completedAt: Date;
}

/**
 * A fiscal year's budget in one document: its envelopes', departments' and zones' counters and its
 * commitments. One document, so one conditional update checks and moves every limit a commitment
 * touches at once (FerretDB has no transactions); `_id` is the year, e.g. "2027".
 */
export interface BudgetYearDocument {
  _id: string;
  fiscalYear: number;
  version: number;
  envelopes: Record<string, CounterDocument & { actualFen: number }>;
  departmentCaps: Record<string, CounterDocument>;
  zoneCaps: Record<string, CounterDocument>;
  /** Commitment id → the commitment; its presence is what makes committing it again a no-op. */
  commitments: Record<string, StoredCommitment>;
  /** Completion event id → the actual cost booked (absent on years opened before actuals were kept). */
  actuals?: Record<string, StoredActual>;
  /** Envelope → level (80, 100) → when its crossing was announced (budget.threshold-crossed.v1). */
  thresholds?: Record<string, Record<string, Date>>;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export const BUDGET_YEAR_MODEL = 'BudgetYear';

export const budgetYearSchema = new Schema<BudgetYearDocument>(
  {
    _id: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    // Maps keyed by kind, department, zone and commitment id, shaped and checked by the domain.
    envelopes: { type: Schema.Types.Mixed, required: true },
    departmentCaps: { type: Schema.Types.Mixed, required: true },
    zoneCaps: { type: Schema.Types.Mixed, required: true },
    commitments: { type: Schema.Types.Mixed, required: true },
    actuals: { type: Schema.Types.Mixed },
    thresholds: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'budget_years', strict: 'throw', minimize: false },
);
budgetYearSchema.plugin(aggregatePlugin);

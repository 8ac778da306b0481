import { Schema } from 'mongoose';

/**
 * A fact this service does not know yet and the candidates that could not be costed without it:
 * `asset:<assetId>` (its state: the area a remedy is sized by) or `task:<taskType>` (a quota in
 * force). Read by `_id` when the fact arrives, so its arrival costs one lookup, however many
 * candidates there are.
 */
export interface AwaitedFact {
  _id: string;
  candidateIds: string[];
}

export const AWAITED_FACT_MODEL = 'AwaitedFact';

export const awaitedFactSchema = new Schema<AwaitedFact>(
  {
    _id: { type: String, required: true },
    candidateIds: { type: [String], default: [] },
  },
  { collection: 'awaited_facts', versionKey: false },
);

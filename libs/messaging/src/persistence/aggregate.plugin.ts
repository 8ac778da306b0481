import { Schema } from 'mongoose';
import { APPLIED_EVENTS_FIELD } from '../consumer/apply-once';
import { OUTBOX_DUE_FIELD, OUTBOX_FIELD, OUTBOX_PARKED_FIELD, OUTBOX_RETRY_FIELD } from '../outbox/outbox';

/** The optimistic-concurrency counter of an aggregate: bumped by every guarded write. */
export const VERSION_FIELD = 'version';

/** Fields the messaging library keeps inside an aggregate's document; never part of its API shape. */
export const INTERNAL_FIELDS = [
  OUTBOX_FIELD,
  OUTBOX_DUE_FIELD,
  OUTBOX_RETRY_FIELD,
  OUTBOX_PARKED_FIELD,
  APPLIED_EVENTS_FIELD,
] as const;

/** A projection that reads an aggregate without the messaging library's fields. */
export const WITHOUT_INTERNAL_FIELDS: Readonly<Record<(typeof INTERNAL_FIELDS)[number], 0>> = Object.freeze(
  Object.fromEntries(INTERNAL_FIELDS.map((f) => [f, 0])) as Record<(typeof INTERNAL_FIELDS)[number], 0>,
);

const entrySchema = new Schema(
  {
    id: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const parkedSchema = new Schema(
  {
    entry: { type: entrySchema, required: true },
    attempts: { type: Number, required: true },
    error: { type: String, required: true },
    parkedAt: { type: Date, required: true },
  },
  { _id: false },
);

const retrySchema = new Schema(
  {
    entryId: { type: String, required: true },
    attempts: { type: Number, required: true },
    error: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Declares on an aggregate's schema what the messaging library writes into its documents: the
 * outbox (pending events, when they are next due, a failing entry's retry state and parked
 * entries), the ids of events already applied to it, and a version for guarded writes.
 *
 * Without these declarations Mongoose's strict mode silently strips `$push: { _outbox: … }` and the
 * applied-event guard, so a state change would be saved while its event was never published. The
 * arrays default to absent rather than `[]` so that plain documents stay small.
 */
export function aggregatePlugin(schema: Schema): void {
  schema.add({
    [VERSION_FIELD]: { type: Number, required: true, default: 0, min: 0 },
    [OUTBOX_FIELD]: { type: [entrySchema], default: undefined },
    [OUTBOX_DUE_FIELD]: { type: Date },
    [OUTBOX_RETRY_FIELD]: { type: retrySchema },
    [OUTBOX_PARKED_FIELD]: { type: [parkedSchema], default: undefined },
    [APPLIED_EVENTS_FIELD]: { type: [String], default: undefined },
  });
  // The relay's polling query: documents whose events are due.
  schema.index({ [OUTBOX_DUE_FIELD]: 1 });
  schema.index({ [`${OUTBOX_PARKED_FIELD}.parkedAt`]: 1 });
  // Mongoose's own `__v` counts array rewrites through save(); guarded writes use `version`.
  schema.set('versionKey', false);
}

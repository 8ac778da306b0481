import mongoose from 'mongoose';

/**
 * Makes a handler's update of one document idempotent without transactions: the update only
 * matches while the document has not yet recorded the event, and records it in the same write.
 * On MongoDB the record keeps the last `keep` event ids, enough to cover redelivery of recent
 * events; FerretDB 1.24 ignores `$slice` in `$push`, so there the list keeps growing.
 *
 * The guard is an operator on purpose: it is marked `mongoose.trusted`, because the platform turns
 * on Mongoose's `sanitizeFilter`, which would otherwise rewrite it into `{ $eq: { $ne: id } }`, a
 * filter that matches nothing — the effect would be skipped and the event still marked processed.
 * The schema must declare the field (`aggregatePlugin`): Mongoose's strict mode drops undeclared
 * paths from filters and updates alike, and the effect would then apply on every redelivery.
 */
export const APPLIED_EVENTS_FIELD = '_appliedEvents';

export function applyOnce(eventId: string, keep = 100) {
  return {
    filter: { [APPLIED_EVENTS_FIELD]: mongoose.trusted({ $ne: eventId }) },
    push: { [APPLIED_EVENTS_FIELD]: { $each: [eventId], $slice: -keep } },
  };
}

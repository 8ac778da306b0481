/**
 * Makes a handler's update of one document idempotent without transactions: the update only
 * matches while the document has not yet recorded the event, and records it in the same write.
 * On MongoDB the record keeps the last `keep` event ids, enough to cover redelivery of recent
 * events; FerretDB 1.24 ignores `$slice` in `$push`, so there the list keeps growing.
 */
export const APPLIED_EVENTS_FIELD = '_appliedEvents';

export function applyOnce(eventId: string, keep = 100) {
  return {
    filter: { [APPLIED_EVENTS_FIELD]: { $ne: eventId } },
    push: { [APPLIED_EVENTS_FIELD]: { $each: [eventId], $slice: -keep } },
  };
}

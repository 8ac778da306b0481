import type { EventContract, EventEnvelope } from '@buqi/contracts';
import { encodeEvent } from '@buqi/contracts';

/**
 * The outbox lives inside the document whose state the event describes, so the state change and
 * its event are one atomic single-document write; no multi-document transaction is needed
 * (FerretDB has none). The relay publishes the array in order and removes what it published.
 */
export const OUTBOX_FIELD = '_outbox';
/** When the document's pending events are next due for publishing (indexed: the relay's query). */
export const OUTBOX_DUE_FIELD = '_outboxDue';
/** The entry that failed to publish last, how often, and why; absent when nothing is failing. */
export const OUTBOX_RETRY_FIELD = '_outboxRetry';
/** Entries that failed too often; kept until an operator re-drives them. */
export const OUTBOX_PARKED_FIELD = '_outboxParked';

export interface OutboxEntry {
  id: string;
  topic: string;
  key: string;
  /** The validated envelope as JSON: the exact bytes that will be published. */
  value: string;
  at: Date;
}

export interface OutboxRetry {
  entryId: string;
  attempts: number;
  error: string;
  at: Date;
}

export interface ParkedEntry {
  entry: OutboxEntry;
  attempts: number;
  error: string;
  parkedAt: Date;
}

export function toOutboxEntry(contract: EventContract, envelope: EventEnvelope): OutboxEntry {
  return {
    id: envelope.id,
    topic: contract.topic,
    key: envelope.subject,
    value: encodeEvent(contract, envelope).toString('utf8'),
    at: new Date(envelope.time),
  };
}

/** For an insert: the document plus its first events, due now. */
export function withOutbox<T extends object>(
  doc: T,
  entries: OutboxEntry[],
  now = new Date(),
): T & { [OUTBOX_FIELD]?: OutboxEntry[]; [OUTBOX_DUE_FIELD]?: Date } {
  if (entries.length === 0) return doc;
  return { ...doc, [OUTBOX_FIELD]: entries, [OUTBOX_DUE_FIELD]: now };
}

export interface UpdateDocument {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $min?: Record<string, unknown>;
  [operator: `$${string}`]: Record<string, unknown> | undefined;
}

/**
 * For an update: adds the events to `update` so they are stored by the same `updateOne` as the
 * state change. `$min` keeps an earlier due time, so events already waiting keep their place.
 */
export function pushOutbox<U extends UpdateDocument>(update: U, entries: OutboxEntry[], now = new Date()): U {
  if (entries.length === 0) return update;
  if (update.$push?.[OUTBOX_FIELD] !== undefined || update.$min?.[OUTBOX_DUE_FIELD] !== undefined)
    throw new Error('pushOutbox: the update already carries outbox entries; pass them all at once');
  return {
    ...update,
    $push: { ...update.$push, [OUTBOX_FIELD]: { $each: entries } },
    $min: { ...update.$min, [OUTBOX_DUE_FIELD]: now },
  };
}

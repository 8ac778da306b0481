import type { EventContract, EventEnvelope } from '@buqi/contracts';
import { encodeEvent } from '@buqi/contracts';

/**
 * The outbox lives inside the document whose state the event describes, so the state change and
 * its event are one atomic single-document write; no multi-document transaction is needed
 * (FerretDB has none). The relay publishes the array in order and pulls what it published.
 */
export const OUTBOX_FIELD = '_outbox';

export interface OutboxEntry {
  id: string;
  topic: string;
  key: string;
  /** The validated envelope as JSON: the exact bytes that will be published. */
  value: string;
  at: Date;
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

/** For an insert: the document plus its first events. */
export function withOutbox<T extends object>(
  doc: T,
  entries: OutboxEntry[],
): T & { [OUTBOX_FIELD]: OutboxEntry[] } {
  return { ...doc, [OUTBOX_FIELD]: entries };
}

/** For an update: merge into the update document beside `$set`/`$inc`, in the same `updateOne`. */
export function pushOutbox(entries: OutboxEntry[]): { $push: Record<string, { $each: OutboxEntry[] }> } {
  return { $push: { [OUTBOX_FIELD]: { $each: entries } } };
}

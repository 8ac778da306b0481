/** What the relay knows about its backlog, for readiness, metrics and the admin API. */
export interface RelayStatus {
  /** Events waiting in the outboxes (due now or later). */
  pending: number;
  /** Entries parked after too many failed attempts. */
  parked: number;
  /** Age of the oldest event that is due and not yet published, in ms (0 when none). */
  oldestDueAgeMs: number;
  /** When the relay last finished a round, whatever it published. */
  lastRoundAt?: Date;
  /** The last error that stopped a round, with when it happened. */
  lastError?: { message: string; at: Date };
  /** When these figures were counted. */
  countedAt: Date;
}

/** One parked entry, as an operator sees it. */
export interface ParkedView {
  collection: string;
  documentId: string;
  entryId: string;
  topic: string;
  key: string;
  attempts: number;
  error: string;
  parkedAt: Date;
}

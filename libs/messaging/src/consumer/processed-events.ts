import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './errors';

/** What became of an event: handled, or dead-lettered (a re-drive may still handle it). */
export type ProcessedOutcome = 'handled' | 'dead-lettered';

interface ProcessedDoc {
  _id: string;
  group: string;
  eventId: string;
  at: Date;
  /** Absent on records written before outcomes were kept: those were handled. */
  outcome?: ProcessedOutcome;
}

/**
 * What a consumer group has already handled, so a redelivered event is skipped. Old records are
 * deleted by age on a timer (FerretDB has no TTL indexes).
 */
export class ProcessedEvents {
  private readonly coll: Collection<ProcessedDoc>;

  constructor(
    db: Db,
    private readonly group: string,
  ) {
    this.coll = db.collection<ProcessedDoc>('processed_events');
  }

  async ensureIndexes(): Promise<void> {
    await this.coll.createIndex({ group: 1, at: 1 });
  }

  async outcome(eventId: string): Promise<ProcessedOutcome | undefined> {
    const doc = await this.coll.findOne({ _id: this.id(eventId) }, { projection: { outcome: 1 } });
    return doc ? (doc.outcome ?? 'handled') : undefined;
  }

  async has(eventId: string): Promise<boolean> {
    return (await this.outcome(eventId)) !== undefined;
  }

  /** Records the outcome; a later 'handled' (after a re-drive) replaces a 'dead-lettered'. */
  async mark(eventId: string, at = new Date(), outcome: ProcessedOutcome = 'handled'): Promise<void> {
    try {
      await this.coll.insertOne({ _id: this.id(eventId), group: this.group, eventId, at, outcome });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (outcome === 'handled')
        await this.coll.updateOne({ _id: this.id(eventId) }, { $set: { outcome, at } });
    }
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const r = await this.coll.deleteMany({ group: this.group, at: { $lt: cutoff } });
    return r.deletedCount;
  }

  private id(eventId: string): string {
    return `${this.group}|${eventId}`;
  }
}

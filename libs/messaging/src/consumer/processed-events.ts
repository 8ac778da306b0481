import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './errors';

interface ProcessedDoc {
  _id: string;
  group: string;
  eventId: string;
  at: Date;
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

  async has(eventId: string): Promise<boolean> {
    return (await this.coll.countDocuments({ _id: this.id(eventId) }, { limit: 1 })) > 0;
  }

  async mark(eventId: string, at = new Date()): Promise<void> {
    try {
      await this.coll.insertOne({ _id: this.id(eventId), group: this.group, eventId, at });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
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

import type { Collection, Db } from 'mongodb';

interface LeaseDoc {
  _id: string;
  owner: string;
  until: Date;
}

/**
 * One relay at a time publishes a collection's outbox, so events of a key leave in order.
 * The lease is a document; taking it is one conditional upsert (a duplicate key means another
 * owner holds an unexpired lease).
 */
export class RelayLease {
  private readonly leases: Collection<LeaseDoc>;

  constructor(
    db: Db,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {
    this.leases = db.collection<LeaseDoc>('outbox_leases');
  }

  async acquire(name: string, now = new Date()): Promise<boolean> {
    try {
      await this.leases.updateOne(
        { _id: name, $or: [{ until: { $lt: now } }, { owner: this.owner }] },
        { $set: { owner: this.owner, until: new Date(now.getTime() + this.leaseMs) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  async release(name: string): Promise<void> {
    await this.leases.deleteOne({ _id: name, owner: this.owner });
  }
}

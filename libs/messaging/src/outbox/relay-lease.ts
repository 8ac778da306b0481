import type { Collection, Db } from 'mongodb';

interface LeaseDoc {
  _id: string;
  owner: string;
  until: Date;
}

/**
 * One relay at a time publishes a collection's outbox, so events of a key leave in order.
 * The lease is a document; taking it is one conditional upsert (a duplicate key means another
 * owner holds an unexpired lease). A lease this owner wrote is used without writing again while
 * more than half of it is left: nobody else can take it before it ends, and a relay's round would
 * otherwise cost one more serialised write per collection. A lease another owner holds is seen by
 * reading it (by _id) rather than by a write that fails: the instances that do not hold it ask on
 * every round, and on FerretDB a failed conditional upsert costs a serialised write each time.
 */
export class RelayLease {
  private readonly leases: Collection<LeaseDoc>;
  /** Until when (ms) this owner's own write holds each lease. */
  private readonly heldUntil = new Map<string, number>();

  constructor(
    db: Db,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {
    this.leases = db.collection<LeaseDoc>('outbox_leases');
  }

  async acquire(name: string, now = new Date()): Promise<boolean> {
    const held = this.heldUntil.get(name);
    if (held !== undefined && held - now.getTime() > this.leaseMs / 2) return true;
    this.heldUntil.delete(name);
    const current = await this.leases.findOne({ _id: name }, { projection: { owner: 1, until: 1 } });
    if (current && current.owner !== this.owner && current.until >= now) return false;
    const until = new Date(now.getTime() + this.leaseMs);
    try {
      await this.leases.updateOne(
        { _id: name, $or: [{ until: { $lt: now } }, { owner: this.owner }] },
        { $set: { owner: this.owner, until } },
        { upsert: true },
      );
      this.heldUntil.set(name, until.getTime());
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  async release(name: string): Promise<void> {
    this.heldUntil.delete(name);
    await this.leases.deleteOne({ _id: name, owner: this.owner });
  }
}

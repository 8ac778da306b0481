import { ConflictError, NotFoundError } from '@buqi/domain-kernel';
import type { Model, UpdateQuery } from 'mongoose';
import { applyOnce } from '../consumer/apply-once';
import { isDuplicateKey } from '../consumer/errors';
import type { EventPublisher } from '../event-publisher';
import { pushOutbox, withOutbox, type OutboxEntry, type UpdateDocument } from '../outbox/outbox';
import { INTERNAL_FIELDS, VERSION_FIELD, WITHOUT_INTERNAL_FIELDS } from './aggregate.plugin';
import { VersionConflictError } from './version-conflict.error';

/** What every aggregate's stored shape has: an id and the version guarded writes check. */
export interface Aggregate {
  _id: string;
  version: number;
}

export type ApplyResult = 'applied' | 'already-applied' | 'missing';

/**
 * The one way a repository writes an aggregate through its Mongoose model: the new state and its
 * events in one single-document write (FerretDB has no transactions), guarded by the version the
 * caller read, and reads as plain objects without the messaging library's internal fields.
 * The model's schema must use `aggregatePlugin`.
 */
export class AggregateStore<T extends Aggregate> {
  constructor(
    // The document type is the schema's concern; reads come back as T through lean().
    private readonly model: Model<T>,
    /** Names the aggregate in errors, e.g. 'site'. */
    readonly resource: string,
    private readonly publisher?: Pick<EventPublisher, 'written'>,
  ) {
    if (!model.schema.path('_outbox') || !model.schema.path(VERSION_FIELD))
      throw new Error(
        `model ${model.modelName} cannot store aggregates: its schema lacks aggregatePlugin (outbox and version fields)`,
      );
  }

  /** Inserts a new aggregate at version 1 with its first events; an id in use is a 409. */
  async insert(state: Omit<T, 'version'>, events: OutboxEntry[] = [], now = new Date()): Promise<T> {
    try {
      const doc = await this.model.create(withOutbox({ ...state, [VERSION_FIELD]: 1 }, events, now));
      if (events.length) this.written(state._id);
      return strip(doc.toObject() as unknown as T);
    } catch (err) {
      if (isDuplicateKey(err))
        throw new ConflictError('duplicate', `${this.resource} "${state._id}" already exists`, {
          resource: this.resource,
          id: state._id,
        });
      throw err;
    }
  }

  /**
   * Applies `update` and stores `events` only if the aggregate is still at `expectedVersion`; the
   * version goes up by one. A stale version is a VersionConflictError naming both versions, a
   * missing aggregate a NotFoundError: nothing is overwritten.
   */
  async update(
    id: string,
    expectedVersion: number,
    update: UpdateDocument,
    events: OutboxEntry[] = [],
    now = new Date(),
  ): Promise<T> {
    if (update.$set && VERSION_FIELD in update.$set)
      throw new Error(`${this.resource} update sets ${VERSION_FIELD}: the store alone moves the version`);
    const guarded = pushOutbox({ ...update, $inc: { ...update.$inc, [VERSION_FIELD]: 1 } }, events, now);
    const after = await this.model
      .findOneAndUpdate({ _id: id, [VERSION_FIELD]: expectedVersion }, guarded as UpdateQuery<T>, {
        new: true,
        runValidators: true,
      })
      .lean<T>();
    if (after) {
      if (events.length) this.written(id);
      return strip(after);
    }
    const current = await this.model.findById(id, { [VERSION_FIELD]: 1 }).lean<Aggregate>();
    if (!current) throw new NotFoundError(this.resource, id);
    throw new VersionConflictError(this.resource, id, expectedVersion, current.version);
  }

  private written(id: string): void {
    this.publisher?.written({ collection: this.model.collection.collectionName, id });
  }

  async findById(id: string): Promise<T | undefined> {
    const doc = await this.model.findById(id, WITHOUT_INTERNAL_FIELDS).lean<T>();
    return doc ?? undefined;
  }

  /**
   * A consumer's effect on one aggregate, applied at most once per event: the update matches only
   * while the document has not recorded `eventId`, and records it in the same write. With `upsert`
   * a missing document is created (a concurrent creator's duplicate key counts as done).
   */
  async applyEvent(
    id: string,
    eventId: string,
    update: UpdateDocument,
    opts: { upsert?: boolean; events?: OutboxEntry[]; now?: Date } = {},
  ): Promise<ApplyResult> {
    const once = applyOnce(eventId);
    const full = pushOutbox(
      { ...update, $push: { ...update.$push, ...once.push } },
      opts.events ?? [],
      opts.now,
    );
    try {
      const r = await this.model.updateOne({ _id: id, ...once.filter }, full as UpdateQuery<T>, {
        upsert: opts.upsert ?? false,
        runValidators: true,
      });
      if (r.matchedCount === 1 || r.upsertedCount === 1) {
        if (opts.events?.length) this.written(id);
        return 'applied';
      }
    } catch (err) {
      if (!(opts.upsert && isDuplicateKey(err))) throw err;
    }
    return (await this.model.exists({ _id: id })) ? 'already-applied' : 'missing';
  }
}

function strip<T>(doc: T): T {
  const plain = { ...doc } as Record<string, unknown>;
  for (const f of INTERNAL_FIELDS) delete plain[f];
  return plain as T;
}

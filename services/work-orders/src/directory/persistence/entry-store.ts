import type { Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { AggregateStore, WITHOUT_INTERNAL_FIELDS } from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';

/** Who wrote an entry when, and its version (the ETag): what every directory document adds. */
export interface Bookkeeping {
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/** An entry as stored: the domain fields with `_id` for `id`, and the bookkeeping. */
export type EntryDocument<T extends { id: string }> = Omit<T, 'id'> & Bookkeeping & { _id: string };

/** An entry as read: the domain fields and the bookkeeping. */
export type Stored<T> = T & Readonly<Bookkeeping>;

/** The bookkeeping fields of a directory schema. */
export const BOOKKEEPING_FIELDS = {
  createdAt: { type: Date, required: true },
  createdBy: { type: String, required: true },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: String, required: true },
} as const;

/**
 * The writes and reads every directory repository makes through its own model: inserts at version
 * 1, replacements guarded by the version the caller read (a stale one is a 409), lean reads
 * without the messaging library's fields, and list pages. The directory publishes no events, so
 * its documents' outboxes stay empty and no relay polls them.
 */
export class EntryStore<T extends { id: string }> {
  private readonly store: AggregateStore<EntryDocument<T>>;

  constructor(
    private readonly model: Model<EntryDocument<T>>,
    /** Names the entry in errors: `crew`. */
    readonly resource: string,
    /** Optional fields: a replacement without one clears it. */
    private readonly optional: readonly (keyof T & string)[],
    /** List filters named unlike their field: `{ trade: 'trades' }`. */
    private readonly filterFields: Readonly<Record<string, string>> = {},
  ) {
    this.store = new AggregateStore(model, resource);
  }

  async get(id: string): Promise<Stored<T>> {
    const found = await this.find(id);
    if (!found) throw new NotFoundError(this.resource, id);
    return found;
  }

  async find(id: string): Promise<Stored<T> | undefined> {
    const doc = await this.store.findById(id);
    return doc ? toEntry<T>(doc) : undefined;
  }

  async create(entry: T, by: string, at: Date): Promise<Stored<T>> {
    const { id, ...fields } = entry;
    const doc = { ...fields, _id: id, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
    return toEntry<T>(await this.store.insert(doc as unknown as Omit<EntryDocument<T>, 'version'>, [], at));
  }

  /** Replaces the entry's fields if it is still at `version`. */
  async replace(entry: T, version: number, by: string, at: Date): Promise<Stored<T>> {
    // Only the domain's fields: an entry handed in may be a Stored one, carrying bookkeeping too.
    const { id, ...fields } = entry as T & Partial<Bookkeeping>;
    delete fields.version;
    delete fields.createdAt;
    delete fields.createdBy;
    delete fields.updatedAt;
    delete fields.updatedBy;
    const cleared = this.optional.filter((f) => (fields as Record<string, unknown>)[f] === undefined);
    const update = {
      $set: { ...fields, updatedAt: at, updatedBy: by },
      ...(cleared.length > 0 && { $unset: Object.fromEntries(cleared.map((f) => [f, ''])) }),
    };
    return toEntry<T>(await this.store.update(id, version, update, [], at));
  }

  /** A page of entries; equality filters only, with plain values (Mongoose's sanitizeFilter is on). */
  async list(request: ListRequest): Promise<Page<Stored<T>>> {
    const filter = Object.fromEntries(
      Object.entries(request.filter).map(([name, value]) => [this.filterFields[name] ?? name, value]),
    );
    const page = await findPage<EntryDocument<T>>(
      this.model,
      { ...request, filter },
      WITHOUT_INTERNAL_FIELDS,
    );
    return { ...page, items: page.items.map((doc) => toEntry<T>(doc)) };
  }

  /** Entries matching a filter the repository built (wrap operators in mongoose.trusted()). */
  async where(filter: Record<string, unknown>, limit: number): Promise<Stored<T>[]> {
    const docs = await this.model
      .find(filter, WITHOUT_INTERNAL_FIELDS)
      .sort({ _id: 1 })
      .limit(limit)
      .lean<EntryDocument<T>[]>()
      .exec();
    return docs.map((doc) => toEntry<T>(doc));
  }
}

function toEntry<T extends { id: string }>(doc: EntryDocument<T>): Stored<T> {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest } as unknown as Stored<T>;
}

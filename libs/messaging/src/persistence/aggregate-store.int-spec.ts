import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { ConflictError, NotFoundError } from '@buqi/domain-kernel';
import { ShortfallDetectedV1 } from '@buqi/contracts';
import { applyMongooseSettings } from '@buqi/platform';
import { dropTestDatabase, testEngines, uniqueDatabaseName } from '@buqi/testing';
import { EventPublisher } from '../event-publisher';
import { OUTBOX_DUE_FIELD, OUTBOX_FIELD } from '../outbox/outbox';
import { aggregatePlugin } from './aggregate.plugin';
import { AggregateStore } from './aggregate-store';
import { applyLatestState } from './latest-state';
import { VersionConflictError } from './version-conflict.error';

interface Site {
  _id: string;
  version: number;
  name: string;
  zones?: string[];
  count?: number;
}

/** The stored document, messaging fields included. */
type RawSite = Site & Record<string, unknown>;

const { MONGO_URL } = testEngines();
const database = uniqueDatabaseName('aggregate_store');
const events = new EventPublisher('test');
const actor = { kind: 'system', id: 'test' } as const;
let conn: Connection;
let model: Model<Site>;
let store: AggregateStore<Site>;

function event(id: string) {
  return events.entry(ShortfallDetectedV1, { ...ShortfallDetectedV1.example, shortfallId: id }, { actor })
    .entry;
}

beforeAll(async () => {
  applyMongooseSettings();
  conn = await mongoose.createConnection(MONGO_URL, { dbName: database }).asPromise();
  const schema = new Schema<Site>({
    _id: String,
    name: { type: String, required: true },
    zones: [String],
    count: Number,
  });
  schema.plugin(aggregatePlugin);
  model = conn.model<Site>('Site', schema, 'sites');
  await model.init();
  store = new AggregateStore(model, 'site', events);
});

afterAll(async () => {
  await conn?.close();
  await dropTestDatabase(MONGO_URL, database);
});

describe('AggregateStore through a Mongoose model with the platform settings', () => {
  it('stores the state and its events in one write, and reads them back without internals', async () => {
    const created = await store.insert({ _id: 'NY', name: '机关南院' }, [event('sf-1')]);
    expect(created).toEqual({ _id: 'NY', name: '机关南院', zones: [], version: 1 });

    const raw = await conn.collection<RawSite>('sites').findOne({ _id: 'NY' });
    expect(raw?.[OUTBOX_FIELD]).toHaveLength(1);
    expect(raw?.[OUTBOX_DUE_FIELD]).toBeInstanceOf(Date);
    expect(await store.findById('NY')).toEqual({ _id: 'NY', name: '机关南院', zones: [], version: 1 });
  });

  it('refuses a second aggregate with the same id as a duplicate', async () => {
    await store.insert({ _id: 'NB', name: '机关北院' });
    await expect(store.insert({ _id: 'NB', name: 'again' })).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'duplicate',
    });
  });

  it('applies a guarded update with its events and bumps the version', async () => {
    await store.insert({ _id: 'ZX', name: '市政协办公区' });
    const after = await store.update('ZX', 1, { $set: { name: '市政协' }, $push: { zones: 'east' } }, [
      event('sf-2'),
    ]);
    expect(after).toEqual({ _id: 'ZX', name: '市政协', zones: ['east'], version: 2 });
    const raw = await conn.collection<RawSite>('sites').findOne({ _id: 'ZX' });
    expect(raw?.[OUTBOX_FIELD]).toHaveLength(1);
  });

  it('reports a stale version as a conflict naming both versions, and overwrites nothing', async () => {
    await store.insert({ _id: 'TG', name: '团购房小区' });
    await store.update('TG', 1, { $set: { name: 'first' } });
    const stale = store.update('TG', 1, { $set: { name: 'second' } }, [event('sf-3')]);
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({
      code: 'version-conflict',
      details: { expected: 1, current: 2 },
    });
    expect(await store.findById('TG')).toMatchObject({ name: 'first', version: 2 });
    const raw = await conn.collection<RawSite>('sites').findOne({ _id: 'TG' });
    expect(raw?.[OUTBOX_FIELD]).toBeUndefined();
    await expect(store.update('nope', 1, { $set: { name: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets exactly one of many concurrent writers of one version win, round after round', async () => {
    const winners: number[] = [];
    for (let round = 0; round < 10; round++) {
      const id = `JS-${round}`;
      await store.insert({ _id: id, name: '家属区' });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.update(id, 1, { $set: { name: `writer ${i}` } })),
      );
      winners.push(results.filter((r) => r.status === 'fulfilled').length);
      const losers = results.filter((r) => r.status === 'rejected');
      expect(losers.every((r) => r.reason instanceof ConflictError)).toBe(true);
      expect(await store.findById(id)).toMatchObject({ version: 2 });
    }
    expect(winners).toEqual(Array.from({ length: 10 }, () => 1));
  });

  it('applies an event to an aggregate once, however often it is applied', async () => {
    expect(
      await store.applyEvent('counter', 'e-1', { $inc: { count: 1 }, $set: { name: 'c' } }, { upsert: true }),
    ).toBe('applied');
    expect(await store.applyEvent('counter', 'e-1', { $inc: { count: 1 } }, { upsert: true })).toBe(
      'already-applied',
    );
    expect(await store.applyEvent('counter', 'e-2', { $inc: { count: 1 } })).toBe('applied');
    expect(await store.applyEvent('counter', 'e-2', { $inc: { count: 1 } })).toBe('already-applied');
    expect(await store.applyEvent('absent', 'e-3', { $inc: { count: 1 } })).toBe('missing');
    expect(await store.findById('counter')).toMatchObject({ count: 2 });
  });

  it('refuses a model whose schema lacks the aggregate fields, rather than losing events', () => {
    const bare = conn.model('Bare', new Schema({ _id: String, name: String }), 'bare');
    expect(() => new AggregateStore(bare as never, 'bare')).toThrow(/lacks aggregatePlugin/);
  });
});

describe('applyLatestState', () => {
  interface Known {
    _id: string;
    version: number;
    name: string;
  }
  let known: Model<Known>;

  beforeAll(async () => {
    known = conn.model<Known>(
      'Known',
      new Schema<Known>({ _id: String, version: Number, name: String }),
      'known',
    );
    await known.init();
  });

  it('keeps the newest state whatever order and however often the states arrive', async () => {
    expect(await applyLatestState(known, { _id: 'NY', version: 2, name: 'second' })).toBe('applied');
    expect(await applyLatestState(known, { _id: 'NY', version: 1, name: 'first' })).toBe('stale');
    expect(await applyLatestState(known, { _id: 'NY', version: 2, name: 'second again' })).toBe('stale');
    expect(await known.findById('NY').lean()).toMatchObject({ version: 2, name: 'second' });
    expect(await applyLatestState(known, { _id: 'NY', version: 3, name: 'third' })).toBe('applied');
    expect(await known.findById('NY').lean()).toMatchObject({ version: 3, name: 'third' });
  });
});

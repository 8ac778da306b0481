import mongoose, { type Connection, type Model } from 'mongoose';
import { engineEnv, uniqueDatabaseName } from '@buqi/testing';

// The local engine answers a write guarded by _id and more (a version, an outbox guard) by reading
// the one document by primary key first (deploy/local/ferretdb/idfirst.go). These are the answers
// MongoDB gives, asked through Mongoose as the services ask them: a guard that holds lets the write
// through, one that does not leaves the document as it was, whatever the shape of the guard.
const { MONGO_URL } = engineEnv();
const database = uniqueDatabaseName('guarded');

interface Doc {
  _id: string | mongoose.Types.ObjectId;
  version: number;
  note?: string;
  outbox?: { id: string }[];
  tags?: string[];
}

let connection: Connection;
let docs: Model<Doc>;

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: database }).asPromise();
  const schema = new mongoose.Schema<Doc>(
    {
      _id: mongoose.Schema.Types.Mixed,
      version: Number,
      note: String,
      outbox: { type: [{ _id: false, id: String }], default: undefined },
      tags: { type: [String], default: undefined },
    },
    { versionKey: false, strict: false },
  );
  docs = connection.model<Doc>('Doc', schema, 'docs');
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

const stored = async (_id: Doc['_id']) => docs.findById(_id).lean<Doc>();

describe('writes guarded by _id and more on the local MongoDB engine', () => {
  it('findOneAndUpdate: the current version writes and returns the new document; a stale one changes nothing', async () => {
    await docs.create({ _id: 'f1', version: 1 });
    const won = await docs
      .findOneAndUpdate(
        { _id: 'f1', version: 1 },
        { $set: { note: 'first' }, $inc: { version: 1 } },
        { new: true },
      )
      .lean<Doc>();
    expect(won).toMatchObject({ _id: 'f1', version: 2, note: 'first' });

    const stale = await docs
      .findOneAndUpdate(
        { _id: 'f1', version: 1 },
        { $set: { note: 'stale' }, $inc: { version: 1 } },
        { new: true },
      )
      .lean<Doc>();
    expect(stale).toBeNull();
    expect(await stored('f1')).toMatchObject({ version: 2, note: 'first' });
  });

  it('updateOne and deleteOne answer matched counts as MongoDB does', async () => {
    await docs.create({ _id: 'u1', version: 3 });
    expect((await docs.updateOne({ _id: 'u1', version: 2 }, { $set: { note: 'no' } })).matchedCount).toBe(0);
    expect((await docs.updateOne({ _id: 'u1', version: 3 }, { $set: { note: 'yes' } })).modifiedCount).toBe(
      1,
    );
    expect((await stored('u1'))?.note).toBe('yes');

    expect((await docs.deleteOne({ _id: 'u1', version: 4 })).deletedCount).toBe(0);
    expect(await stored('u1')).not.toBeNull();
    expect((await docs.deleteOne({ _id: 'u1', version: 3 })).deletedCount).toBe(1);
    expect(await stored('u1')).toBeNull();
  });

  it('evaluates operators, dotted paths and whole arrays in the guard', async () => {
    await docs.create({ _id: 'o1', version: 1, outbox: [{ id: 'e1' }], tags: ['a', 'b'] });
    const emptyOutbox = { _id: 'o1', 'outbox.0': { $exists: false } };
    expect((await docs.updateOne(emptyOutbox, { $set: { note: 'cleared' } })).matchedCount).toBe(0);

    // the relay's guard: the outbox is exactly what was published
    expect(
      (await docs.updateOne({ _id: 'o1', outbox: [{ id: 'e2' }] }, { $set: { outbox: [] } })).matchedCount,
    ).toBe(0);
    expect(
      (await docs.updateOne({ _id: 'o1', outbox: [{ id: 'e1' }] }, { $set: { outbox: [] } })).modifiedCount,
    ).toBe(1);
    expect((await docs.updateOne(emptyOutbox, { $set: { note: 'cleared' } })).modifiedCount).toBe(1);

    expect(
      (await docs.updateOne({ _id: 'o1', version: { $gte: 2 } }, { $set: { note: 'gte' } })).matchedCount,
    ).toBe(0);
    expect(
      (await docs.updateOne({ _id: 'o1', tags: 'b', version: { $lt: 2 } }, { $set: { note: 'lt' } }))
        .modifiedCount,
    ).toBe(1);
    expect(await stored('o1')).toMatchObject({ note: 'lt', outbox: [] });
  });

  it('an upsert whose guard fails on an existing document is refused as a duplicate, one on a new _id inserts', async () => {
    await docs.create({ _id: 'p1', version: 1 });
    await expect(
      docs.updateOne({ _id: 'p1', version: 9 }, { $set: { note: 'upsert' } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await stored('p1')).toEqual({ _id: 'p1', version: 1 });

    const r = await docs.updateOne({ _id: 'p1', version: 1 }, { $set: { note: 'kept' } }, { upsert: true });
    expect(r).toMatchObject({ matchedCount: 1, upsertedCount: 0 });

    await docs.updateOne({ _id: 'p2', version: 1 }, { $set: { note: 'new' } }, { upsert: true });
    expect(await stored('p2')).toEqual({ _id: 'p2', version: 1, note: 'new' });
  });

  it('works the same with an ObjectId _id', async () => {
    const _id = new mongoose.Types.ObjectId();
    await docs.create({ _id, version: 1 });
    expect((await docs.updateOne({ _id, version: 2 }, { $set: { note: 'x' } })).matchedCount).toBe(0);
    expect((await docs.updateOne({ _id, version: 1 }, { $set: { note: 'y' } })).modifiedCount).toBe(1);
    expect((await stored(_id))?.note).toBe('y');
  });

  it('leaves several statements in one command to the engine, answered in order', async () => {
    await docs.create([
      { _id: 'b1', version: 1 },
      { _id: 'b2', version: 1 },
    ]);
    const r = await docs.bulkWrite([
      { updateOne: { filter: { _id: 'b1', version: 1 }, update: { $inc: { version: 1 } } } },
      { updateOne: { filter: { _id: 'b1', version: 1 }, update: { $set: { note: 'stale' } } } },
      { updateOne: { filter: { _id: 'b2', version: 1 }, update: { $set: { note: 'b2' } } } },
    ]);
    expect(r.modifiedCount).toBe(2);
    expect(await stored('b1')).toEqual({ _id: 'b1', version: 2 });
    expect((await stored('b2'))?.note).toBe('b2');
  });
});

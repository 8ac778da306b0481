import mongoose, { Schema, type AnyBulkWriteOperation, type Connection, type Model } from 'mongoose';
import { dropTestDatabase, testEngines, uniqueDatabaseName } from '@buqi/testing';
import { bulkWriteInChunks } from './bulk-write-in-chunks';
import { applyMongooseSettings } from './mongoose-options';

interface Counter {
  _id: string;
  n: number;
}

// WARNING: never send these as one bulkWrite to FerretDB: an update command of 100 or more
// matching statements hangs it, sometimes for every client of the server until it restarts.
const COUNT = 250;
const ids = Array.from({ length: COUNT }, (_, i) => `c-${String(i).padStart(3, '0')}`);
const updates = (add: number): AnyBulkWriteOperation<Counter>[] =>
  ids.map((_id, i) => ({ updateOne: { filter: { _id }, update: { $set: { n: i + add } } } }));

describe('bulkWriteInChunks against the local store', () => {
  const engines = testEngines();
  const database = uniqueDatabaseName('platform_bulk');
  let connection: Connection;
  let model: Model<Counter>;

  beforeAll(async () => {
    applyMongooseSettings();
    connection = await mongoose
      .createConnection(engines.MONGO_URL, { dbName: database, serverSelectionTimeoutMS: 10_000 })
      .asPromise();
    model = connection.model<Counter>('BulkProbe', new Schema<Counter>({ _id: String, n: Number }));
    await model.insertMany(ids.map((_id) => ({ _id, n: 0 })));
  });
  afterAll(async () => {
    await connection?.close();
    await dropTestDatabase(engines.MONGO_URL, database);
  });

  const values = async () => (await model.find().sort({ _id: 1 }).lean().exec()).map((c) => c.n);

  // Unchunked, this would hang until the test times out.
  it('applies 250 matching updateOnes through a Mongoose model', async () => {
    const result = await bulkWriteInChunks(model, updates(1));
    expect(result).toMatchObject({ matchedCount: COUNT, modifiedCount: COUNT });
    expect(await values()).toEqual(ids.map((_, i) => i + 1));
  }, 60_000);

  it('applies them unordered too, in smaller chunks', async () => {
    const result = await bulkWriteInChunks(model, updates(1_000), { ordered: false, chunkSize: 30 });
    expect(result).toMatchObject({ matchedCount: COUNT, modifiedCount: COUNT });
    expect(await values()).toEqual(ids.map((_, i) => i + 1_000));
  }, 60_000);
});

import { MongoClient, type Collection } from 'mongodb';
import { engineEnv, uniqueDatabaseName } from '@buqi/testing';

// What every MongoDB server guarantees and Buqi relies on (version guards, applied-event guards,
// leases, counters): one update of one document, with its filter, is atomic. FerretDB 1.24 alone
// does not give it (it queries, then writes back); the local engine serialises such commands.
const { MONGO_URL } = engineEnv();
const database = uniqueDatabaseName('atomicity');
let client: MongoClient;
let docs: Collection<{ _id: string; version: number; count: number; name?: string }>;

beforeAll(async () => {
  client = await MongoClient.connect(MONGO_URL, { maxPoolSize: 16 });
  docs = client.db(database).collection('docs');
});

afterAll(async () => {
  await client?.db(database).dropDatabase();
  await client?.close();
});

const ROUNDS = 20;
const WRITERS = 8;

describe('single-document updates on the local MongoDB engine', () => {
  it.each(['updateOne', 'findOneAndUpdate'] as const)(
    'let exactly one of %s calls guarded by the same version win, round after round',
    async (method) => {
      const winners: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const _id = `${method}-${round}`;
        await docs.insertOne({ _id, version: 1, count: 0 });
        const results = await Promise.all(
          Array.from({ length: WRITERS }, (_, i) => {
            const update = { $set: { name: `writer ${i}` }, $inc: { version: 1 } };
            return method === 'updateOne'
              ? docs.updateOne({ _id, version: 1 }, update).then((r) => r.modifiedCount)
              : docs.findOneAndUpdate({ _id, version: 1 }, update).then((r) => (r ? 1 : 0));
          }),
        );
        winners.push(results.reduce((a, b) => a + b, 0));
      }
      expect(winners).toEqual(Array.from({ length: ROUNDS }, () => 1));
    },
  );

  it('loses no increment when many writers increment one counter at once', async () => {
    await docs.insertOne({ _id: 'counter', version: 1, count: 0 });
    await Promise.all(
      Array.from({ length: 64 }, () => docs.updateOne({ _id: 'counter' }, { $inc: { count: 1 } })),
    );
    expect((await docs.findOne({ _id: 'counter' }))?.count).toBe(64);
  });
});

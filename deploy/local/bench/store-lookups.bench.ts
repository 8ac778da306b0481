import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';

/**
 * The local store's writes by _id as the collection grows: findOneAndUpdate by {_id} alone and by
 * {_id, version} (a guard, answered id-first by the proxy, ADR 0005), 50 writes each at 100 to 6,400
 * documents of 1 KB, in the same run. Without the primary-key index both grow with the collection.
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register deploy/local/bench/store-lookups.bench.ts
 * (engines running; MONGO_URL to point elsewhere)
 */
async function main(): Promise<void> {
  const client = await MongoClient.connect(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27217/');
  const db = client.db(`bench_lookups_${Date.now()}`);
  const docs = db.collection<{ _id: string; version: number; pad: string; at?: Date }>('docs');
  const pad = 'x'.repeat(1000);
  let n = 0;
  try {
    console.log('| documents | by {_id} | by {_id, version} |\n|---|---|---|');
    for (const size of [100, 400, 1600, 3200, 6400]) {
      const batch = [];
      for (; n < size; n++) batch.push({ _id: `d${n}`, version: 1, pad });
      await docs.insertMany(batch);
      // Every write changes the document (a new time), so none is skipped as a no-op.
      const time = async (filter: (i: number) => object) => {
        const t = performance.now();
        for (let i = 0; i < 50; i++) {
          const id = `d${(i * 7919) % size}`; // spread over the collection, not its first rows
          await docs.findOneAndUpdate({ _id: id, ...filter(i) }, { $set: { at: new Date() } });
        }
        return (performance.now() - t) / 50;
      };
      const byId = await time(() => ({}));
      const guarded = await time(() => ({ version: 1 }));
      console.log(`| ${size.toLocaleString('en')} | ${byId.toFixed(1)} ms | ${guarded.toFixed(1)} ms |`);
    }
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

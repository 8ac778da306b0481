import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { MongoClient, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';
import {
  bucketWrites,
  hoursBetween,
  seriesOf,
  bucketId,
  type StoredBucket,
} from '../src/telemetry/domain/buckets';
import { numberArg } from '@buqi/testing';
import type { Reading } from '../src/telemetry/domain/readings';
import { bucketUpsert } from '../src/telemetry/persistence/readings.repository';

/**
 * Layouts for raw readings measured on the store MONGO_URL names (the local FerretDB by default):
 * readings stored per second, batch after batch as one consumer stores them, and a chart's read of
 * one device's metric over 6 hours once they are all stored. Run:
 *   node -r @swc-node/register services/asset-inventory/bench/telemetry-storage.bench.ts
 * Options: --devices=100 --batches=2000 --per-batch=20 (NH3 and temperature every 10 s)
 */
const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27217/';
const HOUR_MS = 3_600_000;
const pad = (ms: number) => String(ms).padStart(15, '0');

interface Layout {
  name: string;
  /** Writes only this many batches (a layout too slow for all of them). */
  batches?: number;
  setUp?(coll: Collection): Promise<void>;
  write(coll: Collection, device: string, batch: readonly Reading[]): Promise<void>;
  read(coll: Collection, device: string, metric: string, from: Date, to: Date): Promise<number>;
}

async function insertIgnoringDuplicates(coll: Collection, docs: Document[]): Promise<void> {
  try {
    await coll.insertMany(docs, { ordered: false });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
}

async function readHourBuckets(coll: Collection, device: string, metric: string, from: Date, to: Date) {
  const docs = await Promise.all(
    hoursBetween(from, to).map(
      (h) => coll.findOne({ _id: bucketId(device, h) } as Document) as Promise<StoredBucket | null>,
    ),
  );
  return seriesOf(
    docs.filter((d): d is StoredBucket => d !== null),
    metric,
    from,
    to,
  ).length;
}

const layouts: Layout[] = [
  {
    name: 'document per reading, unique index (device, metric, at)',
    setUp: async (coll) => void (await coll.createIndex({ device: 1, metric: 1, at: 1 }, { unique: true })),
    write: (coll, device, batch) =>
      insertIgnoringDuplicates(
        coll,
        batch.map((r) => ({ device, ...r })),
      ),
    read: async (coll, device, metric, from, to) =>
      (
        await coll
          .find({ device, metric, at: { $gte: from, $lte: to } })
          .sort({ at: 1 })
          .toArray()
      ).length,
  },
  {
    name: 'document per reading, _id = device|metric|time, range on _id',
    write: (coll, device, batch) =>
      insertIgnoringDuplicates(
        coll,
        batch.map((r) => ({
          _id: `${device}|${r.metric}|${pad(r.at.getTime())}`,
          value: r.value,
          unit: r.unit,
        })),
      ),
    read: async (coll, device, metric, from, to) => {
      const range = {
        $gte: `${device}|${metric}|${pad(from.getTime())}`,
        $lte: `${device}|${metric}|${pad(to.getTime())}`,
      };
      return (
        await coll
          .find({ _id: range } as Document)
          .sort({ _id: 1 })
          .toArray()
      ).length;
    },
  },
  {
    name: 'hour bucket per device, one upsert per reading',
    batches: 100,
    async write(coll, device, batch) {
      for (const r of batch)
        await coll.bulkWrite(
          bucketWrites(device, [r]).map((w) => bucketUpsert(w) as AnyBulkWriteOperation<Document>),
        );
    },
    read: readHourBuckets,
  },
  {
    name: 'hour bucket per device and metric, one upsert per (metric, hour) of a batch',
    async write(coll, device, batch) {
      const byMetric = new Map<string, Reading[]>();
      for (const r of batch) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r]);
      const ops = [...byMetric].flatMap(([metric, rs]) =>
        bucketWrites(`${device}|${metric}`, rs).map(
          (w) => bucketUpsert(w) as AnyBulkWriteOperation<Document>,
        ),
      );
      await coll.bulkWrite(ops, { ordered: false });
    },
    read: (coll, device, metric, from, to) => readHourBuckets(coll, `${device}|${metric}`, metric, from, to),
  },
  {
    name: 'hour bucket per device, one upsert per hour of a batch (chosen)',
    async write(coll, device, batch) {
      const ops = bucketWrites(device, batch).map((w) => bucketUpsert(w) as AnyBulkWriteOperation<Document>);
      await coll.bulkWrite(ops, { ordered: false });
    },
    read: readHourBuckets,
  },
];

/** `perBatch` readings of one device, NH3 and temperature alternately, a pair every 10 s from `start`. */
function batchOf(start: number, perBatch: number, seed: number): Reading[] {
  return Array.from({ length: perBatch }, (_, i) => ({
    metric: i % 2 === 0 ? 'nh3' : 'temperature',
    value: ((seed * 31 + i * 17) % 100) / 10,
    unit: i % 2 === 0 ? 'ppm' : 'C',
    at: new Date(start + Math.floor(i / 2) * 10_000),
  }));
}

async function main(): Promise<void> {
  const devices = numberArg('devices', 100);
  const batches = numberArg('batches', 2_000);
  const perBatch = numberArg('per-batch', 20);
  const step = (perBatch / 2) * 10_000;
  const t0 = Date.UTC(2026, 2, 2, 6);
  const device = (b: number) => `NY-DV-${String((b % devices) + 1).padStart(4, '0')}`;
  const startOf = (b: number) => t0 + Math.floor(b / devices) * step;
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}; ${MONGO_URL}; ` +
      `${devices} devices, ${batches} batches of ${perBatch} readings (${devices ? (batches * perBatch).toLocaleString('en') : 0} readings)`,
  );
  const client = await MongoClient.connect(MONGO_URL);
  const rows: string[] = [];
  try {
    for (const layout of layouts) {
      const db = client.db(`buqi_bench_storage_${randomBytes(3).toString('hex')}`);
      const coll = db.collection('readings');
      try {
        await layout.setUp?.(coll);
        const n = Math.min(batches, layout.batches ?? batches);
        const started = performance.now();
        for (let b = 0; b < n; b++) await layout.write(coll, device(b), batchOf(startOf(b), perBatch, b));
        const rate = (n * perBatch) / ((performance.now() - started) / 1000);
        // The chart: device 8's NH3 over the 6 hours from the first reading.
        const times: number[] = [];
        let found = 0;
        for (let i = 0; i < 3; i++) {
          const s = performance.now();
          found = await layout.read(coll, device(7), 'nh3', new Date(t0), new Date(t0 + 6 * HOUR_MS));
          times.push(performance.now() - s);
        }
        const row = `| ${layout.name} | ${Math.round(rate).toLocaleString('en')}${n < batches ? ` (first ${(n * perBatch).toLocaleString('en')} readings)` : ''} | ${Math.min(...times).toFixed(0)} ms (${found} readings) |`;
        rows.push(row);
        console.log(row);
      } finally {
        await db.dropDatabase();
      }
    }
  } finally {
    await client.close();
  }
  console.log(
    `\n| layout | readings/s stored | one device's NH3 over 6 h (best of 3) |\n|---|---|---|\n${rows.join('\n')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

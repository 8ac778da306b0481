import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { MongoClient, type AnyBulkWriteOperation, type Document } from 'mongodb';
import { bucketWrites } from '../src/telemetry/domain/buckets';
import { bucketUpsert } from '../src/telemetry/persistence/readings.repository';
import type { Message } from './telemetry-load';

/**
 * How fast a bare kafkajs consumer reads the topic and parses each message, from the moment it has
 * joined its group: the transport's own limit.
 */
export async function rawConsume(
  kafka: Kafka,
  topic: string,
  expected: number,
): Promise<{ seconds: number; messages: number }> {
  const consumer = kafka.consumer({
    groupId: `bench-raw-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let messages = 0;
  let first = 0;
  let last = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => (first = Date.now()));
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) if (m.value) JSON.parse(m.value.toString('utf8'));
        messages += batch.messages.length;
        last = Date.now();
        if (messages >= expected) resolve();
      },
    });
  });
  await done;
  await consumer.disconnect();
  return { seconds: (last - first) / 1000, messages };
}

/**
 * The same documents written straight through the driver, in bulk commands of 50 statements (what
 * FerretDB takes at once): the upserts the service sends for these batches, without anything else.
 */
export async function rawBulkWrite(
  mongoUrl: string,
  messages: readonly Message[],
): Promise<{ seconds: number; readings: number }> {
  const client = await MongoClient.connect(mongoUrl);
  const db = client.db(`buqi_bench_raw_${randomBytes(3).toString('hex')}`);
  try {
    const ops = messages.flatMap((m) =>
      bucketWrites(
        m.batch.deviceId,
        m.batch.readings.map((r) => ({ ...r, at: new Date(r.at) })),
      ).map((w) => bucketUpsert(w) as AnyBulkWriteOperation<Document>),
    );
    const coll = db.collection('telemetry_readings');
    const started = performance.now();
    for (let i = 0; i < ops.length; i += 50) await coll.bulkWrite(ops.slice(i, i + 50), { ordered: false });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, readings: messages.reduce((n, m) => n + m.batch.readings.length, 0) };
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

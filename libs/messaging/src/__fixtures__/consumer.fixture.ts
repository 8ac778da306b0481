// A consumer process whose effect is a counter per shortfall, made idempotent with applyOnce through
// the raw driver. DIE_AFTER_EFFECT=<shortfallId> kills it right after that effect's write;
// IDEMPOTENT=1 registers the handler as idempotent (no processed-event records).
import { setTimeout as sleep } from 'node:timers/promises';
import { ShortfallDetectedV1 } from '@buqi/contracts';
import { applyOnce } from '../consumer/apply-once';
import { isDuplicateKey } from '../consumer/errors';
import { EventConsumer } from '../consumer/event-consumer';
import { fixtureLogger, openHarness } from './fixture-harness';

async function main(): Promise<void> {
  const h = await openHarness();
  const slowMs = Number(h.env('SLOW_MS', '0'));
  const consumer = new EventConsumer(
    h.kafka,
    h.producer,
    h.db,
    {
      groupId: h.env('GROUP'),
      topicPrefix: h.prefix,
      retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 100 },
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, processedRetentionMs: 3_600_000 },
    },
    fixtureLogger,
  );
  consumer.on(
    ShortfallDetectedV1,
    async (event) => {
      // Counts every call, on purpose not idempotent: tests read it to see redeliveries.
      await h.db.collection('invocations').insertOne({ eventId: event.id, pid: process.pid });
      if (event.data.evidence.includes('poison')) throw new Error(`cannot handle ${event.data.shortfallId}`);
      if (slowMs) await sleep(slowMs);
      const once = applyOnce(event.id);
      try {
        await h.db
          .collection<{ _id: string }>('effects')
          .updateOne(
            { _id: event.data.shortfallId, ...once.filter },
            { $inc: { count: 1 }, $push: once.push },
            { upsert: true },
          );
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      // Dies after the effect's write and before the event is recorded as processed.
      if (process.env['DIE_AFTER_EFFECT'] === event.data.shortfallId) process.kill(process.pid, 'SIGKILL');
    },
    { idempotent: h.env('IDEMPOTENT', '') === '1' },
  );
  await consumer.start();
  await consumer.waitUntilJoined();
  console.log('consumer ready');
  process.once('SIGTERM', () => {
    void consumer
      .stop()
      .then(() => h.close())
      .then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Writes shortfalls with their events in one insert each, and/or relays the outbox to Kafka.
// DIE_AFTER_WRITE and DIE_AFTER_PUBLISH kill the process with SIGKILL at those points.
import { setTimeout as sleep } from 'node:timers/promises';
import { ShortfallDetectedV1 } from '@buqi/contracts';
import { EventPublisher } from '../event-publisher';
import { withOutbox } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { TopicDirectory } from '../outbox/topic-directory';
import { fixtureLogger, openHarness } from './fixture-harness';

async function main(): Promise<void> {
  const h = await openHarness();
  const mode = h.env('MODE');
  if (mode === 'write') {
    const run = h.env('RUN');
    const count = Number(h.env('COUNT'));
    const events = new EventPublisher('asset-inventory');
    const docs = Array.from({ length: count }, (_, i) => {
      const shortfallId = `${run}-sf-${i}`;
      const { entry } = events.entry(
        ShortfallDetectedV1,
        { ...ShortfallDetectedV1.example, shortfallId, assetId: `${run}-asset-${i % 7}` },
        { actor: { kind: 'system', id: 'fixture' } },
      );
      return withOutbox({ _id: shortfallId, status: 'open' }, [entry]);
    });
    await h.db.collection<{ _id: string }>('shortfalls').insertMany(docs);
    console.log(`written ${count}`);
    if (process.env['DIE_AFTER_WRITE']) process.kill(process.pid, 'SIGKILL');
  } else if (mode === 'relay') {
    const relay = new OutboxRelay(
      h.db,
      h.producer,
      new TopicDirectory(h.admin),
      {
        intervalMs: 100,
        batchSize: 50,
        leaseMs: 2_000,
        topicPrefix: h.prefix,
        retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 500 },
      },
      fixtureLogger,
      {
        afterPublish: () => {
          if (process.env['DIE_AFTER_PUBLISH']) process.kill(process.pid, 'SIGKILL');
        },
      },
    ).addCollection('shortfalls');
    let drained = 0;
    // A relay killed earlier may still hold the lease until it expires.
    while ((await relay.pending()) > 0) {
      drained += await relay.drain();
      await sleep(200);
    }
    console.log(`drained ${drained}`);
  }
  await h.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

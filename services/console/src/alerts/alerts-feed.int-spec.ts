import { Kafka, logLevel } from 'kafkajs';
import { DeviceStatusChangedV1, encodeEvent } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { engineEnv, uniqueName, waitFor } from '@buqi/testing';
import type { ConsoleConfig } from '../config';
import type { Alert } from './alert';
import { AlertsFeed } from './alerts-feed';

// The live feed on the real broker: a message that is not an alert is skipped and the feed goes on
// to the next one; an instance that shuts down deletes its consumer group.
const engines = engineEnv();
const prefix = `${uniqueName('alerts')}.`;
const topic = prefix + DeviceStatusChangedV1.topic;
const kafka = new Kafka({ brokers: engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
const warnings: { fields: Record<string, unknown>; message: string }[] = [];
const logger = {
  warn: (fields: Record<string, unknown>, message: string) => warnings.push({ fields, message }),
  info: () => undefined,
  error: () => undefined,
  debug: () => undefined,
} as unknown as Logger;
const config = {
  KAFKA_BROKERS: engines.KAFKA_BROKERS.split(','),
  KAFKA_TOPIC_PREFIX: prefix,
  KAFKA_TOPIC_PARTITIONS: 1,
} as unknown as ConsoleConfig;

it('skips a message that is not an alert, goes on to the next, and deletes its group when it stops', async () => {
  const feed = new AlertsFeed(config, logger);
  const seen: Alert[] = [];
  feed.subscribe((a) => seen.push(a));
  feed.onApplicationBootstrap();
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    await waitFor('the feed’s group to join', async () => {
      if (!feed.groupId) return false;
      const [group] = (await admin.describeGroups([feed.groupId])).groups;
      return group?.state === 'Stable';
    });
    const groupId = feed.groupId as string;
    // The feed reads from the end once it has joined: a broken message, then an alert, on the same
    // partition, until an alert arrives after a broken one.
    let sent = 0;
    await waitFor(
      'an alert after a broken message',
      async () => {
        sent += 1;
        const event = createEvent(
          DeviceStatusChangedV1,
          { ...DeviceStatusChangedV1.example, deviceId: `NY-DV-9${String(sent).padStart(2, '0')}` },
          { source: 'asset-inventory', actor: { kind: 'system', id: 'test' } },
        );
        await producer.send({
          topic,
          messages: [
            { key: 'NY-DV-900', value: Buffer.from('{"not": "an event"') },
            { key: 'NY-DV-900', value: encodeEvent(DeviceStatusChangedV1, event) },
          ],
        });
        return seen.length > 0 && warnings.some((w) => w.message.includes('skipped'));
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    const skipped = warnings.filter((w) => w.message.includes('skipped'));
    expect(skipped[0]?.fields['topic']).toBe(topic);
    expect(seen[0]).toMatchObject({
      kind: 'device-offline',
      subject: expect.stringMatching(/^NY-DV-9\d\d$/),
    });
    // Each send put the broken message first on the partition: an alert after it means the feed went on.
    await feed.onApplicationShutdown();
    const { groups } = await admin.listGroups();
    expect(groups.map((g) => g.groupId)).not.toContain(groupId);
  } finally {
    await feed.onApplicationShutdown();
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}, 120_000);

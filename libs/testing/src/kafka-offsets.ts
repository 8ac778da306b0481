import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { waitFor } from './wait-for';

/** Messages a topic holds now (end minus start offsets, over its partitions). */
export async function messagesOn(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
}

/**
 * Waits until consumer group `groupId` has committed offsets at the end of every partition of
 * `topic` (and the topic holds at least `atLeast` messages): only then has every message,
 * duplicates included, been through the consumer, so effects can be counted.
 */
export async function waitForGroupAtEnd(
  admin: Admin,
  groupId: string,
  topic: string,
  { atLeast = 0, timeoutMs = 120_000 } = {},
): Promise<void> {
  await waitFor(
    `consumer group ${groupId} at the end of ${topic}`,
    async () => {
      const ends = await admin.fetchTopicOffsets(topic);
      if (ends.reduce((n, p) => n + Number(p.high), 0) < atLeast) return false;
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      return ends.every((p) => Number(p.high) === 0 || (at.get(p.partition) ?? -1) >= Number(p.high));
    },
    { timeoutMs, intervalMs: 250 },
  );
}

/**
 * Every message on `topic`, read by a throwaway group up to the end offsets it has once it holds at
 * least `atLeast` messages (events published asynchronously, by a relay, arrive a moment later).
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  { atLeast = 0, timeoutMs = 60_000 } = {},
): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250 });
  const got: KafkaMessage[] = [];
  try {
    const expected = await waitFor(
      `${atLeast} messages on ${topic}`,
      async () => {
        const n = await messagesOn(admin, topic);
        return n >= atLeast ? n : undefined;
      },
      { timeoutMs },
    );
    if (expected === 0) return [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void got.push(message) });
    await waitFor(`${expected} messages on ${topic}`, () => got.length >= expected, { timeoutMs });
    return got;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/**
 * Deletes the topics named with `prefix` (a test run's own): a broker a developer keeps running
 * otherwise gathers every run's partitions until it runs out of file handles.
 */
export async function deleteTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<number> {
  if (!prefix) return 0;
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    return topics.length;
  } catch {
    return 0; // housekeeping: a test does not fail for it
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

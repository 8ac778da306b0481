import type { Admin } from 'kafkajs';
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

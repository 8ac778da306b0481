import type { Admin } from 'kafkajs';

/** How far one partition's consumer group is behind its log end. */
export interface PartitionLag {
  /** The topic's name without the environment's prefix, as the other messaging metrics name it. */
  topic: string;
  partition: number;
  /** Messages written and not yet committed by the group. */
  lag: number;
}

/** A partition's offsets as the admin client reports them (strings: they may exceed 2^53). */
export interface PartitionEnds {
  partition: number;
  /** Log start offset: the oldest message still kept. */
  low: string;
  /** High watermark: the offset the next message will get. */
  high: string;
}

export interface CommittedOffset {
  partition: number;
  /** '-1' when the group has committed nothing on the partition. */
  offset: string;
}

/**
 * Lag per partition: high watermark minus the committed offset. A partition the group has not
 * committed on counts everything still in the log (a new group reads from the beginning); a
 * commit older than the log start (retention deleted what it had not read) counts from the start.
 */
export function lagOf(topic: string, ends: PartitionEnds[], committed: CommittedOffset[]): PartitionLag[] {
  const done = new Map(committed.map((c) => [c.partition, BigInt(c.offset)]));
  return ends
    .map((e) => {
      const high = BigInt(e.high);
      const low = BigInt(e.low);
      const at = done.get(e.partition) ?? -1n;
      const from = at < 0n || at < low ? low : at;
      const lag = high > from ? high - from : 0n;
      return { topic, partition: e.partition, lag: Number(lag) };
    })
    .sort((a, b) => a.partition - b.partition);
}

/**
 * Reads the lag of a consumer group on its topics from the admin client: each topic's high
 * watermarks and the group's committed offsets (two requests per topic).
 */
export async function readConsumerLag(
  admin: Pick<Admin, 'fetchTopicOffsets' | 'fetchOffsets'>,
  groupId: string,
  topics: readonly string[],
  topicPrefix = '',
): Promise<PartitionLag[]> {
  if (topics.length === 0) return [];
  const physical = topics.map((t) => topicPrefix + t);
  const [ends, committed] = await Promise.all([
    Promise.all(physical.map((t) => admin.fetchTopicOffsets(t))),
    admin.fetchOffsets({ groupId, topics: physical }),
  ]);
  const byTopic = new Map(committed.map((c) => [c.topic, c.partitions]));
  return topics.flatMap((topic, i) => lagOf(topic, ends[i], byTopic.get(physical[i]) ?? []));
}

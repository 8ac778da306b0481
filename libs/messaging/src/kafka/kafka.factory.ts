import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners, type Admin, type LogEntry, type Producer } from 'kafkajs';
import { dlqTopic, type TopicSpec } from '@buqi/contracts';
import type { MessagingLogger } from '../messaging.logger';

const REBALANCE_NOTICE = /group is rebalancing/;

export function createKafka(opts: { brokers: string[]; clientId: string; logger: MessagingLogger }): Kafka {
  const toLog =
    () =>
    ({ level, log }: LogEntry) => {
      const { message, ...rest } = log;
      const fields = { kafka: rest };
      // A heartbeat answered "rebalancing" is how a member learns that the group is changing (a
      // member joined or left): routine, and followed by a rejoin that is logged in its own right.
      if (level <= logLevel.ERROR && REBALANCE_NOTICE.test(String(rest['error'] ?? '')))
        opts.logger.debug(fields, message);
      else if (level <= logLevel.ERROR) opts.logger.error(fields, message);
      else if (level === logLevel.WARN) opts.logger.warn(fields, message);
      else opts.logger.debug(fields, message);
    };
  return new Kafka({
    brokers: opts.brokers,
    clientId: opts.clientId,
    logLevel: logLevel.WARN,
    logCreator: toLog,
    retry: { initialRetryTime: 300, retries: 8 },
  });
}

/**
 * The producer every event leaves through (the relay's and the dead-letter path's).
 * - Idempotent, one request in flight and acks=all on each send: no duplicates or reordering from
 *   producer retries.
 * - Retries without limit: the idempotent producer's guarantees hold only if it never gives up on a
 *   batch; a broker outage therefore holds a send until the broker returns (readiness shows it).
 *   The relay checks that a topic exists before sending to it, since a missing topic would be
 *   retried just as long.
 * - Murmur2 partitioning, as the Java client does, so one key lands on one partition whichever
 *   client publishes it.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: Number.MAX_SAFE_INTEGER },
  });
}

/** Creates missing topics (and their dead-letter topics); existing topics are left as they are. */
export async function ensureTopics(
  admin: Admin,
  specs: TopicSpec[],
  defaultPartitions: number,
  prefix = '',
  { attempts = 12 } = {},
): Promise<string[]> {
  const wanted = new Map<string, TopicSpec>();
  for (const s of specs) {
    wanted.set(prefix + s.topic, { ...s, topic: prefix + s.topic });
    wanted.set(prefix + dlqTopic(s.topic), { topic: prefix + dlqTopic(s.topic), partitions: 1 });
  }
  const created: string[] = [];
  // A broker that has just started (or elected a controller) answers "does not host this
  // topic-partition", "leader not available" or "not controller" for a while, and another instance
  // may create the same topics at the same moment: retried, with back-off, until every topic is
  // there with its leaders.
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...wanted.values()].filter((s) => !existing.has(s.topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((s) => ({
            topic: s.topic,
            numPartitions: s.partitions ?? defaultPartitions,
            replicationFactor: -1,
            configEntries: s.cleanupPolicy ? [{ name: 'cleanup.policy', value: s.cleanupPolicy }] : [],
          })),
        });
        created.push(...missing.map((s) => s.topic));
      }
      await admin.fetchTopicMetadata({ topics: [...wanted.keys()] });
      return created;
    } catch (err) {
      if (attempt >= attempts || !isPassing(err)) throw err;
      await sleep(Math.min(3_000, 100 * 2 ** attempt));
    }
  }
}

/** Kafka's answers that pass by themselves (a broker starting, a leader being elected, a racing creator). */
function isPassing(err: unknown): boolean {
  const e = err as { retriable?: boolean; type?: string; cause?: unknown; name?: string };
  if (e.retriable) return true;
  if (
    ['TOPIC_ALREADY_EXISTS', 'UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_CONTROLLER'].includes(
      e.type ?? '',
    )
  )
    return true;
  if (e.name === 'KafkaJSNumberOfRetriesExceeded' || e.name === 'KafkaJSNonRetriableError')
    return isPassing(e.cause);
  return false;
}

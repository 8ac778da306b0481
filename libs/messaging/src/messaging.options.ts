import type { KafkaSettings } from '@buqi/config';
import type { TopicSpec } from '@buqi/contracts';

export interface RetryPolicy {
  /** Attempts of a handler before its message is dead-lettered (first try included). */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface MessagingOptions {
  brokers: string[];
  clientId: string;
  /** The service publishing (envelope `source`). */
  source: string;
  /** Consumer group; required only when the service consumes. */
  groupId?: string;
  /** Prepended to every physical topic name (isolates environments sharing one cluster). */
  topicPrefix: string;
  /** Topics this service creates at start-up (their `.dlq` topics are created beside them). */
  topics: TopicSpec[];
  defaultPartitions: number;
  /**
   * Collections whose documents carry an outbox, besides those feature modules declare with
   * `registerOutbox` (for code that writes without Mongoose models).
   */
  outboxCollections: string[];
  /** Handler attempts before a message is dead-lettered. */
  retry: RetryPolicy;
  relay: {
    intervalMs: number;
    batchSize: number;
    leaseMs: number;
    /** Attempts of one outbox entry before it is parked, and the back-off between them. */
    retry: RetryPolicy;
    /** Readiness fails when no round completed, or a due event waited, this long. */
    stuckAfterMs: number;
  };
  consumer: { sessionTimeoutMs: number; heartbeatIntervalMs: number; processedRetentionMs: number };
}

export const DEFAULT_MESSAGING_OPTIONS = {
  topicPrefix: '',
  defaultPartitions: 3,
  outboxCollections: [] as string[],
  retry: { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 },
  relay: {
    // A poll reads every outbox collection whole on FerretDB; writes nudge the relay at once, so the
    // polls only catch what a nudge cannot (other instances' writes, retries coming due).
    intervalMs: 1_000,
    batchSize: 100,
    leaseMs: 15_000,
    // About 15 s of attempts (1, 2, 4, 8 s with jitter) before an entry is parked.
    retry: { attempts: 5, initialDelayMs: 1_000, maxDelayMs: 30_000 },
    stuckAfterMs: 60_000,
  },
  consumer: { sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000, processedRetentionMs: 7 * 24 * 3600_000 },
} satisfies Partial<MessagingOptions>;

export type MessagingInput = Pick<MessagingOptions, 'brokers' | 'clientId' | 'source'> &
  Partial<Omit<MessagingOptions, 'brokers' | 'clientId' | 'source' | 'relay'>> & {
    relay?: Partial<Omit<MessagingOptions['relay'], 'retry'>> & { retry?: Partial<RetryPolicy> };
  };

export function resolveMessagingOptions(input: MessagingInput): MessagingOptions {
  const d = DEFAULT_MESSAGING_OPTIONS;
  return {
    topics: [],
    ...d,
    ...input,
    retry: { ...d.retry, ...input.retry },
    relay: { ...d.relay, ...input.relay, retry: { ...d.relay.retry, ...input.relay?.retry } },
    consumer: { ...d.consumer, ...input.consumer },
  };
}

/** Messaging settings from a service's validated configuration (the `kafkaConfig` fragment). */
export function messagingFromConfig(
  config: KafkaSettings,
  service: { name: string; topics: TopicSpec[]; outboxCollections?: string[]; consumes?: boolean },
): MessagingInput {
  return {
    brokers: [...config.KAFKA_BROKERS],
    clientId: config.KAFKA_CLIENT_ID ?? service.name,
    source: service.name,
    // Prefixed like the topics: environments sharing a cluster must not share consumer groups.
    ...(service.consumes === false
      ? {}
      : { groupId: config.KAFKA_CONSUMER_GROUP ?? (config.KAFKA_TOPIC_PREFIX ?? '') + service.name }),
    topicPrefix: config.KAFKA_TOPIC_PREFIX ?? '',
    defaultPartitions: config.KAFKA_TOPIC_PARTITIONS,
    topics: service.topics,
    outboxCollections: service.outboxCollections ?? [],
  };
}

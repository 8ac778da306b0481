import { randomUUID } from 'node:crypto';
import type { Admin, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { dlqTopic } from '@buqi/contracts';
import { NotFoundError } from '@buqi/domain-kernel';
import { DLQ_H, H, headerString } from '../kafka/headers';
import type { MessagingLogger } from '../messaging.logger';

/** One dead letter as an operator sees it. */
export interface DeadLetterView {
  offset: string;
  key?: string;
  eventId?: string;
  eventType?: string;
  error?: string;
  errorClass?: string;
  group?: string;
  attempts?: number;
  failedAt?: string;
  originalPartition?: number;
  originalOffset?: string;
  /** How often this event had already been re-driven before it was dead-lettered this time. */
  redriveCount: number;
  /** Already published back to its topic by an earlier re-drive of this group. */
  redriven: boolean;
}

export interface RedriveResult {
  topic: string;
  /** Dead letters of this group published back to the topic. */
  redriven: number;
  /** Dead letters of other consumer groups, left for them. */
  skipped: number;
}

const READ_TIMEOUT_MS = 60_000;

/**
 * Lists and re-drives the dead letters a consumer group left on `<topic>.dlq`. A re-drive
 * publishes each of the group's dead letters since the last re-drive back to its topic with its
 * original key, value and headers (and a `redrive-count`), so the consumer handles it again once
 * the cause is fixed; the position is kept as the committed offset of the group
 * `<group>.dlq-redrive`, so a second re-drive publishes nothing twice.
 */
export class DeadLetterRedriver {
  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly admin: Admin,
    private readonly opts: { groupId: string; topicPrefix: string },
    private readonly logger: MessagingLogger,
  ) {}

  get redriveGroup(): string {
    return `${this.opts.groupId}.dlq-redrive`;
  }

  async list(topic: string, limit = 200): Promise<DeadLetterView[]> {
    const dlq = await this.existing(this.opts.topicPrefix + dlqTopic(topic));
    const done = await this.committed(dlq);
    const viewer = `${this.opts.groupId}.dlq-view.${randomUUID()}`;
    const views: DeadLetterView[] = [];
    try {
      await this.readToEnd(dlq, viewer, (message) => {
        if (headerString(message.headers, DLQ_H.group) !== this.opts.groupId) return;
        if (views.length < limit) views.push(view(message, BigInt(message.offset) < (done ?? 0n)));
      });
    } finally {
      await this.admin.deleteGroups([viewer]).catch(() => undefined);
    }
    return views;
  }

  async redrive(topic: string): Promise<RedriveResult> {
    const dlq = await this.existing(this.opts.topicPrefix + dlqTopic(topic));
    const target = this.opts.topicPrefix + topic;
    let redriven = 0;
    let skipped = 0;
    await this.readToEnd(dlq, this.redriveGroup, async (message) => {
      if (headerString(message.headers, DLQ_H.group) !== this.opts.groupId) {
        skipped += 1;
        return;
      }
      const count = Number(headerString(message.headers, H.redriveCount) ?? '0') + 1;
      await this.producer.send({
        topic: target,
        acks: -1,
        messages: [
          { key: message.key, value: message.value, headers: originalHeaders(message.headers, count) },
        ],
      });
      redriven += 1;
    });
    this.logger.info({ topic, redriven, skipped }, 'dead letters re-driven');
    return { topic, redriven, skipped };
  }

  /** A dead-letter topic exists only for topics a service creates (each gets one beside it). */
  private async existing(dlq: string): Promise<string> {
    if (!(await this.admin.listTopics()).includes(dlq)) throw new NotFoundError('dead-letter topic', dlq);
    return dlq;
  }

  /** The offset up to which the re-drive group has gone (single-partition dead-letter topics). */
  private async committed(dlq: string): Promise<bigint | undefined> {
    const [offsets] = await this.admin.fetchOffsets({ groupId: this.redriveGroup, topics: [dlq] });
    const first = offsets?.partitions[0];
    return first && Number(first.offset) >= 0 ? BigInt(first.offset) : undefined;
  }

  /**
   * Reads `topic` with consumer group `group` from its committed position (or the beginning) up to
   * the end offsets as they were when the read began, then leaves the group; offsets of handled
   * messages are committed on the way out.
   */
  private async readToEnd(
    topic: string,
    group: string,
    onMessage: (message: KafkaMessage) => Promise<void> | void,
  ): Promise<void> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const ends = new Map(offsets.map((p) => [p.partition, BigInt(p.high)] as const));
    const [committed] = await this.admin.fetchOffsets({ groupId: group, topics: [topic] });
    // Where reading starts: the committed offset, else the oldest message still kept.
    const position = new Map(offsets.map((p) => [p.partition, BigInt(p.low)] as const));
    for (const p of committed?.partitions ?? [])
      if (Number(p.offset) >= 0) position.set(p.partition, BigInt(p.offset));
    const remaining = () =>
      [...ends].filter(([partition, end]) => (position.get(partition) ?? end) < end).map(([p]) => p);
    if (remaining().length === 0) return;

    const consumer = this.kafka.consumer({
      groupId: group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
    let finish: () => void = () => undefined;
    let fail: (err: Error) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const timer = setTimeout(
      () => fail(new Error(`reading ${topic} to its end took longer than ${READ_TIMEOUT_MS} ms`)),
      READ_TIMEOUT_MS,
    );
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        eachMessage: async ({ partition, message }) => {
          const end = ends.get(partition) ?? 0n;
          if (BigInt(message.offset) < end) await onMessage(message);
          position.set(partition, BigInt(message.offset) + 1n);
          if (remaining().length === 0) finish();
        },
      });
      await finished;
    } finally {
      clearTimeout(timer);
      await consumer.disconnect();
    }
  }
}

/** The event's id and type from its headers, else from its value when that is an envelope. */
function identify(message: KafkaMessage): { id?: string; type?: string } {
  const id = headerString(message.headers, H.eventId);
  const type = headerString(message.headers, H.eventType);
  if (id && type) return { id, type };
  try {
    const env = JSON.parse(message.value?.toString('utf8') ?? '') as { id?: unknown; type?: unknown };
    return {
      ...(typeof env.id === 'string' && { id: env.id }),
      ...(typeof env.type === 'string' && { type: env.type }),
    };
  } catch {
    return {};
  }
}

function view(message: KafkaMessage, redriven: boolean): DeadLetterView {
  const h = (name: string) => headerString(message.headers, name);
  const event = identify(message);
  const attempts = h(DLQ_H.attempts);
  const partition = h(DLQ_H.partition);
  return {
    offset: message.offset,
    ...(message.key && { key: message.key.toString('utf8') }),
    ...(event.id && { eventId: event.id }),
    ...(event.type && { eventType: event.type }),
    ...(h(DLQ_H.error) && { error: h(DLQ_H.error) }),
    ...(h(DLQ_H.errorClass) && { errorClass: h(DLQ_H.errorClass) }),
    ...(h(DLQ_H.group) && { group: h(DLQ_H.group) }),
    ...(attempts !== undefined && { attempts: Number(attempts) }),
    ...(h(DLQ_H.failedAt) && { failedAt: h(DLQ_H.failedAt) }),
    ...(partition !== undefined && { originalPartition: Number(partition) }),
    ...(h(DLQ_H.offset) && { originalOffset: h(DLQ_H.offset) }),
    redriveCount: Number(h(H.redriveCount) ?? '0'),
    redriven,
  };
}

/** The message's headers as first published, without the dead-letter annotations. */
function originalHeaders(headers: IHeaders | undefined, redriveCount: number): IHeaders {
  const dlqNames = new Set<string>(Object.values(DLQ_H));
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => !dlqNames.has(name) && name !== H.redriveCount,
  );
  return { ...Object.fromEntries(kept), [H.redriveCount]: String(redriveCount) };
}

import { setTimeout as sleep } from 'node:timers/promises';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Db } from 'mongodb';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { ContractViolationError, decodeEvent, type EnvelopeOf, type EventContract } from '@buqi/contracts';
import { correlation } from '@buqi/observability';
import { H, headerGetter, headerString } from '../kafka/headers';
import type { MessagingLogger } from '../messaging.logger';
import { MessagingMetrics } from '../messaging.metrics';
import type { MessagingOptions } from '../messaging.options';
import { backoffMs } from './backoff';
import { ConsumerMonitor } from './consumer-monitor';
import { sendToDeadLetter } from './dead-letter';
import { NonRetriableError } from './errors';
import { ProcessedEvents } from './processed-events';

export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  group: string;
  /** 1 on the first try. */
  attempt: number;
  /** Call during long work so the group does not think this consumer died. */
  heartbeat(): Promise<void>;
}

/**
 * Handlers must be idempotent in their own writes (deterministic ids, conditional updates): the
 * processed-event record is written after the handler, so a crash in between redelivers the event.
 */
export type EventHandler<C extends EventContract> = (
  event: EnvelopeOf<C>,
  ctx: HandlerContext,
) => Promise<void>;

export interface HandlerOptions {
  /**
   * Every effect of the handler is the same however often it runs (e.g. `$max` upserts keyed by
   * the data): the consumer neither looks up nor records processed events for it, two store round
   * trips less per event (on FerretDB the lookup scans the whole record table). A redelivery runs
   * it again; one dead-lettered before a crash may be dead-lettered again.
   */
  idempotent?: boolean;
}

interface Registration {
  contract: EventContract;
  handler: (event: never, ctx: HandlerContext) => Promise<void>;
  options: HandlerOptions;
}

export type ConsumerOptions = Pick<MessagingOptions, 'retry' | 'consumer' | 'topicPrefix'> & {
  groupId: string;
};

const tracer = trace.getTracer('@buqi/messaging');
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * At-least-once consumption: validate, skip what was processed, run the handler with bounded
 * retries, dead-letter what cannot be handled, record it as processed, then resolve the offset.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Registration>();
  private readonly processed: ProcessedEvents;
  private readonly metrics = new MessagingMetrics();
  readonly monitor: ConsumerMonitor;
  private consumer?: Consumer;
  private purgeTimer?: NodeJS.Timeout;
  private started = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    db: Db,
    private readonly opts: ConsumerOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.processed = new ProcessedEvents(db, opts.groupId);
    this.monitor = new ConsumerMonitor(opts.groupId, opts.consumer);
  }

  /** Registers the handler of a topic. Only before start(): a later one would never be called. */
  on<C extends EventContract>(contract: C, handler: EventHandler<C>, options: HandlerOptions = {}): this {
    if (this.started)
      throw new Error(
        `cannot register a handler for ${contract.topic}: consumer group ${this.opts.groupId} has already started ` +
          '(declare handlers with @OnEvent on a provider; they are found before the consumer starts)',
      );
    if (this.handlers.has(contract.topic))
      throw new Error(`a handler for ${contract.topic} is already registered`);
    this.handlers.set(contract.topic, { contract, handler: handler as Registration['handler'], options });
    return this;
  }

  get topics(): string[] {
    return [...this.handlers.keys()];
  }

  get groupId(): string {
    return this.opts.groupId;
  }

  /** The index the processed-event records are purged by (start() ensures it too). */
  ensureIndexes(): Promise<void> {
    return this.processed.ensureIndexes();
  }

  async start(): Promise<void> {
    this.started = true;
    if (this.handlers.size === 0) return;
    await this.ensureIndexes();
    const consumer = this.kafka.consumer({
      groupId: this.opts.groupId,
      sessionTimeout: this.opts.consumer.sessionTimeoutMs,
      heartbeatInterval: this.opts.consumer.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    this.metrics.announceConsumer(this.topics, this.opts.groupId);
    this.monitor.watch(consumer, this.topics);
    await consumer.connect();
    // A new group starts from the earliest offset so nothing published before its first start is lost.
    await consumer.subscribe({
      topics: this.topics.map((t) => this.opts.topicPrefix + t),
      fromBeginning: true,
    });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommitInterval: 1_000,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  /** Resolves once the consumer has joined its group and got its partitions. */
  waitUntilJoined(timeoutMs = 60_000): Promise<void> {
    if (!this.consumer) throw new Error('the consumer has not been started');
    return this.monitor.waitUntilJoined(timeoutMs);
  }

  /** Stops fetching, lets the message in hand finish and commits what was resolved. */
  async stop(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.consumer?.disconnect();
    this.monitor.stopped();
    this.consumer = undefined;
  }

  async purge(now = Date.now()): Promise<number> {
    try {
      return await this.processed.purgeOlderThan(new Date(now - this.opts.consumer.processedRetentionMs));
    } catch (err) {
      this.logger.warn({ err }, 'could not purge processed-event records');
      return 0;
    }
  }

  private async eachBatch(p: EachBatchPayload): Promise<void> {
    const { partition } = p.batch;
    const topic = p.batch.topic.slice(this.opts.topicPrefix.length);
    for (const message of p.batch.messages) {
      if (!p.isRunning() || p.isStale()) break;
      await this.handleMessage(topic, partition, message, () => p.heartbeat());
      p.resolveOffset(message.offset);
      this.monitor.progressed();
      await p.commitOffsetsIfNecessary();
      await p.heartbeat();
    }
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const reg = this.handlers.get(topic);
    const parent = propagation.extract(ROOT_CONTEXT, message.headers ?? {}, headerGetter);
    const span = tracer.startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.opts.groupId,
          'messaging.kafka.offset': Number(message.offset),
          'messaging.destination.partition.id': String(partition),
        },
      },
      parent,
    );
    const base = { topic, partition, offset: message.offset, group: this.opts.groupId, heartbeat };
    const startedAt = performance.now();
    try {
      await context.with(trace.setSpan(parent, span), async () => {
        if (!reg) throw new NonRetriableError(`no handler for topic ${topic}`);
        let event: EnvelopeOf<EventContract>;
        try {
          event = decodeEvent(reg.contract, message.value) as EnvelopeOf<EventContract>;
        } catch (err) {
          await this.deadLetter(topic, partition, message, 0, err as Error);
          return this.metrics.recordConsumed(topic, this.opts.groupId, 'dead-lettered', startedAt);
        }
        span.setAttribute('messaging.message.id', event.id);
        if (!reg.options.idempotent && (await this.alreadyDone(event.id, message))) {
          span.setAttribute('buqi.duplicate', true);
          return this.metrics.recordConsumed(topic, this.opts.groupId, 'duplicate', startedAt);
        }
        const outcome = await correlation.run(event.correlationId, () =>
          this.runWithRetries(reg, event, base, message),
        );
        this.metrics.recordConsumed(topic, this.opts.groupId, outcome, startedAt);
      });
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  }

  /**
   * A handled event is never handled again. A dead-lettered one is skipped too, unless this
   * delivery is a re-drive from the dead-letter topic (after a fix): then it gets another chance.
   */
  private async alreadyDone(eventId: string, message: KafkaMessage): Promise<boolean> {
    const outcome = await this.processed.outcome(eventId);
    if (outcome === 'dead-lettered') return headerString(message.headers, H.redriveCount) === undefined;
    return outcome === 'handled';
  }

  private async runWithRetries(
    reg: Registration,
    event: EnvelopeOf<EventContract>,
    base: Omit<HandlerContext, 'attempt'>,
    message: KafkaMessage,
  ): Promise<'handled' | 'dead-lettered'> {
    const max = this.opts.retry.attempts;
    for (let attempt = 1; ; attempt++) {
      try {
        await reg.handler(event as never, { ...base, attempt });
        if (!reg.options.idempotent) await this.processed.mark(event.id);
        return 'handled';
      } catch (err) {
        const error = err as Error;
        const final =
          attempt >= max || err instanceof NonRetriableError || err instanceof ContractViolationError;
        this.logger.warn(
          { err: error, topic: base.topic, eventId: event.id, attempt, final },
          final ? 'handler failed; dead-lettering the event' : 'handler failed; will retry',
        );
        if (final) {
          await this.deadLetter(
            base.topic,
            base.partition,
            message,
            attempt,
            error,
            reg.options.idempotent ? undefined : event.id,
          );
          return 'dead-lettered';
        }
        await sleep(backoffMs(this.opts.retry, attempt));
        await base.heartbeat();
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    attempts: number,
    error: Error,
    eventId?: string,
  ): Promise<void> {
    const span = trace.getActiveSpan();
    span?.setAttribute('buqi.dead_lettered', true);
    span?.recordException(error);
    await sendToDeadLetter(
      this.producer,
      { topic, partition, message, group: this.opts.groupId, attempts, error },
      this.opts.topicPrefix,
    );
    this.logger.error({ topic, partition, offset: message.offset, err: error }, 'message dead-lettered');
    // A dead-lettered event is not handled again on redelivery, only when re-driven.
    if (eventId) await this.processed.mark(eventId, new Date(), 'dead-lettered');
  }
}

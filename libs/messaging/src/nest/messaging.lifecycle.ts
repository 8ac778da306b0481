import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Admin, Producer } from 'kafkajs';
import type { TopicSpec } from '@buqi/contracts';
import { EventConsumer } from '../consumer/event-consumer';
import { ensureTopics } from '../kafka/kafka.factory';
import { withTopicLock } from '../kafka/topic-lock';
import type { MessagingLogger } from '../messaging.logger';
import type { MessagingOptions } from '../messaging.options';
import { OutboxRelay } from '../outbox/outbox-relay';
import { HandlerExplorer } from './handler-explorer';
import { KAFKA_ADMIN, KAFKA_PRODUCER, MESSAGING_LOGGER, MESSAGING_OPTIONS, TOPIC_LOCK_REDIS } from './tokens';

/**
 * Owns the order of things: topics and producer first; then the handlers declared with @OnEvent
 * are registered, the relay starts and the consumer joins its group; at shutdown the reverse.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly opts: MessagingOptions,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(MESSAGING_LOGGER) private readonly logger: MessagingLogger,
    @Optional() @Inject(TOPIC_LOCK_REDIS) private readonly redis: Redis | undefined,
    private readonly explorer: HandlerExplorer,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.admin.connect();
    await this.ensure(this.opts.topics);
    await this.producer.connect();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const h of this.explorer.explore()) {
      this.consumer.on(h.contract, h.handler, h.options);
      this.logger.debug({ topic: h.contract.topic, handler: h.name }, 'event handler registered');
    }
    // A handler's topic the service forgot to list is created rather than left to fail the subscribe.
    await this.ensure(this.unlisted(this.consumer.topics));
    this.relay.start();
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.admin.disconnect();
  }

  /**
   * A set-up run's share (setUpService), starting nothing: every topic this service lists or handles
   * (with their `.dlq` topics), as a start creates them, and the consumer's processed-event index.
   */
  async setUp(): Promise<{ topics: string[]; created: string[] }> {
    const handled = this.explorer.explore().map((h) => h.contract.topic);
    const topics = [...this.opts.topics, ...this.unlisted(handled)];
    await this.admin.connect();
    try {
      const created = await this.ensure(topics);
      if (handled.length > 0) await this.consumer.ensureIndexes();
      return { topics: topics.map((t) => this.opts.topicPrefix + t.topic), created };
    } finally {
      await this.admin.disconnect();
    }
  }

  /** The handlers' topics the service does not list itself, once each. */
  private unlisted(handled: readonly string[]): TopicSpec[] {
    const listed = new Set(this.opts.topics.map((t) => t.topic));
    return [...new Set(handled)].filter((t) => !listed.has(t)).map((topic) => ({ topic }));
  }

  private async ensure(topics: TopicSpec[]): Promise<string[]> {
    if (topics.length === 0) return [];
    const created = await withTopicLock(
      this.redis,
      `buqi:kafka-topic-creation:${this.opts.topicPrefix}`,
      () => ensureTopics(this.admin, topics, this.opts.defaultPartitions, this.opts.topicPrefix),
      this.logger,
    );
    if (created.length) this.logger.info({ topics: created }, 'created Kafka topics');
    return created;
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { CachedReading, type Logger } from '@buqi/observability';
import type { KafkaSettings } from '@buqi/config';
import { AuditModule, AuthModule, type AuthSettings } from '@buqi/auth';
import { JobsModule } from '@buqi/jobs';
import { contractForTopic, type TopicSpec } from '@buqi/contracts';
import {
  PLATFORM_LOGGER,
  PlatformModule,
  REDIS_CONNECTION,
  registerHealthCheck,
  registerSetUpStep,
  type PlatformConfig,
} from '@buqi/platform';
import { readConsumerLag } from './consumer/consumer-lag';
import { DeadLetterRedriver } from './consumer/dead-letter-redriver';
import { EventConsumer } from './consumer/event-consumer';
import { EventPublisher } from './event-publisher';
import { checkKafka } from './kafka/kafka.health';
import { createKafka, createProducer } from './kafka/kafka.factory';
import type { MessagingLogger } from './messaging.logger';
import { MessagingMetrics } from './messaging.metrics';
import {
  messagingFromConfig,
  resolveMessagingOptions,
  type MessagingInput,
  type MessagingOptions,
} from './messaging.options';
import { HandlerExplorer } from './nest/handler-explorer';
import { MessagingAdminController } from './nest/messaging-admin.controller';
import { checkConsumer, checkRelay } from './nest/messaging.health';
import { MessagingLifecycle } from './nest/messaging.lifecycle';
import {
  CONSUMER_LAG_GAUGE,
  KAFKA,
  KAFKA_ADMIN,
  KAFKA_PRODUCER,
  MESSAGING_LOGGER,
  MESSAGING_OPTIONS,
  TOPIC_LOCK_REDIS,
} from './nest/tokens';
import { OutboxRelay } from './outbox/outbox-relay';
import { TopicDirectory } from './outbox/topic-directory';

@Module({})
export class MessagingModule {
  static forRoot(input: MessagingInput): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [MessagingAdminController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: resolveMessagingOptions(input) },
        {
          provide: MESSAGING_LOGGER,
          inject: [PLATFORM_LOGGER],
          useFactory: (logger: Logger) => logger.child({ component: 'messaging' }),
        },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS, MESSAGING_LOGGER],
          useFactory: (o: MessagingOptions, logger: MessagingLogger) =>
            createKafka({ brokers: o.brokers, clientId: o.clientId, logger }),
        },
        { provide: KAFKA_PRODUCER, inject: [KAFKA], useFactory: (kafka: Kafka) => createProducer(kafka) },
        { provide: KAFKA_ADMIN, inject: [KAFKA], useFactory: (kafka: Kafka) => kafka.admin() },
        {
          provide: TopicDirectory,
          inject: [KAFKA_ADMIN],
          useFactory: (admin: Admin) => new TopicDirectory(admin),
        },
        {
          provide: OutboxRelay,
          inject: [getConnectionToken(), KAFKA_PRODUCER, TopicDirectory, MESSAGING_OPTIONS, MESSAGING_LOGGER],
          useFactory: (
            conn: Connection,
            producer: Producer,
            topics: TopicDirectory,
            o: MessagingOptions,
            logger: MessagingLogger,
          ) => {
            const relay = new OutboxRelay(
              requireDb(conn),
              producer,
              topics,
              { ...o.relay, topicPrefix: o.topicPrefix },
              logger,
            );
            for (const name of o.outboxCollections) relay.addCollection(name);
            return relay;
          },
        },
        {
          provide: EventConsumer,
          inject: [KAFKA, KAFKA_PRODUCER, getConnectionToken(), MESSAGING_OPTIONS, MESSAGING_LOGGER],
          useFactory: (
            kafka: Kafka,
            producer: Producer,
            conn: Connection,
            o: MessagingOptions,
            l: MessagingLogger,
          ) => new EventConsumer(kafka, producer, requireDb(conn), { ...o, groupId: groupOf(o) }, l),
        },
        {
          // The consumer group's lag as a gauge: read from Kafka at most every 15 s, and a scrape
          // waits 2 s at most for it (then it gets the last reading).
          provide: CONSUMER_LAG_GAUGE,
          inject: [KAFKA_ADMIN, EventConsumer, MESSAGING_OPTIONS, MESSAGING_LOGGER],
          useFactory: (
            admin: Admin,
            consumer: EventConsumer,
            o: MessagingOptions,
            logger: MessagingLogger,
          ) => {
            const lag = new CachedReading(
              () => readConsumerLag(admin, consumer.groupId, consumer.topics, o.topicPrefix),
              {
                maxAgeMs: 15_000,
                waitMs: 2_000,
                onError: (err) => logger.debug({ err }, 'consumer lag could not be read'),
              },
            );
            new MessagingMetrics().observeConsumerLag(consumer.groupId, async () =>
              // Only once handlers are registered: before, the group has no topics of its own.
              consumer.topics.length > 0 ? lag.get() : undefined,
            );
            return lag;
          },
        },
        {
          provide: DeadLetterRedriver,
          inject: [KAFKA, KAFKA_PRODUCER, KAFKA_ADMIN, MESSAGING_OPTIONS, MESSAGING_LOGGER],
          useFactory: (
            kafka: Kafka,
            producer: Producer,
            admin: Admin,
            o: MessagingOptions,
            l: MessagingLogger,
          ) =>
            new DeadLetterRedriver(
              kafka,
              producer,
              admin,
              { groupId: groupOf(o), topicPrefix: o.topicPrefix },
              l,
            ),
        },
        {
          provide: EventPublisher,
          inject: [MESSAGING_OPTIONS, OutboxRelay],
          useFactory: (o: MessagingOptions, relay: OutboxRelay) => new EventPublisher(o.source, relay),
        },
        {
          provide: TOPIC_LOCK_REDIS,
          inject: [{ token: REDIS_CONNECTION, optional: true }],
          useFactory: (redis?: Redis) => redis,
        },
        HandlerExplorer,
        MessagingLifecycle,
        registerHealthCheck({
          name: 'kafka',
          inject: [KAFKA_ADMIN],
          useFactory: (admin: Admin) => () => checkKafka(admin),
        }),
        registerHealthCheck({
          name: 'outbox',
          inject: [OutboxRelay, MESSAGING_OPTIONS],
          useFactory: (relay: OutboxRelay, o: MessagingOptions) => () =>
            checkRelay(relay, o.relay.stuckAfterMs),
        }),
        registerHealthCheck({
          name: 'consumer',
          inject: [EventConsumer],
          useFactory: (consumer: EventConsumer) => () => checkConsumer(consumer),
        }),
        registerSetUpStep({
          name: 'kafka-topics',
          inject: [MessagingLifecycle],
          useFactory: (lifecycle: MessagingLifecycle) => () => lifecycle.setUp(),
        }),
      ],
      exports: [
        MESSAGING_OPTIONS,
        KAFKA,
        KAFKA_PRODUCER,
        KAFKA_ADMIN,
        OutboxRelay,
        EventConsumer,
        EventPublisher,
        DeadLetterRedriver,
      ],
    };
  }
}

function groupOf(o: MessagingOptions): string {
  return o.groupId ?? o.clientId;
}

function requireDb(conn: Connection) {
  // The connection is opened by MongooseModule before providers that inject it are built.
  if (!conn.db) throw new Error('MongoDB connection is not open');
  return conn.db;
}

/**
 * The modules every service starts with: the platform (config, logging, Mongo, Redis, health,
 * OpenAPI, the HTTP edge), authentication and roles, the audit trail, job queues, and messaging over
 * the topics it publishes or consumes. Feature modules then declare their outbox collections
 * (`registerOutbox`), handlers (`@OnEvent`) and job processors (`@JobProcessor`).
 */
export function serviceFoundation(
  service: {
    name: string;
    topics: readonly (string | TopicSpec)[];
    /** Tuning beyond what configuration sets (retry policies, relay timing). */
    messaging?: Omit<Partial<MessagingInput>, 'brokers' | 'clientId' | 'source' | 'topics'>;
  },
  config: PlatformConfig & KafkaSettings & AuthSettings,
): DynamicModule[] {
  const topics = service.topics.map((t) => (typeof t === 'string' ? topicSpec(t) : t));
  return [
    PlatformModule.forRoot({ serviceName: service.name, config }),
    AuthModule.forRoot(config),
    AuditModule.forRoot(config),
    JobsModule.forRoot({ prefix: config.JOBS_PREFIX }),
    MessagingModule.forRoot({
      ...messagingFromConfig(config, { name: service.name, topics }),
      ...service.messaging,
    }),
  ];
}

/** A topic as its contract wants it created (compacted for latest-state topics). */
function topicSpec(topic: string): TopicSpec {
  const cleanupPolicy = contractForTopic(topic)?.cleanupPolicy;
  return cleanupPolicy ? { topic, cleanupPolicy } : { topic };
}

export { KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER, MESSAGING_OPTIONS };

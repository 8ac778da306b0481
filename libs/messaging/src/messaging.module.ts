import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Logger } from '@buqi/observability';
import type { KafkaSettings } from '@buqi/config';
import { PLATFORM_LOGGER, PlatformModule, registerHealthCheck, type PlatformConfig } from '@buqi/platform';
import { checkKafka } from './kafka/kafka.health';
import { EventConsumer } from './consumer/event-consumer';
import { EventPublisher } from './event-publisher';
import { createKafka, ensureTopics } from './kafka/kafka.factory';
import type { MessagingLogger } from './messaging.logger';
import {
  messagingFromConfig,
  resolveMessagingOptions,
  type MessagingInput,
  type MessagingOptions,
} from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');

/** Owns the lifecycle: topics and producer first, then relay and consumer, stopped in reverse. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly opts: MessagingOptions,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(MESSAGING_LOGGER) private readonly logger: MessagingLogger,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.admin.connect();
    const created = await ensureTopics(
      this.admin,
      this.opts.topics,
      this.opts.defaultPartitions,
      this.opts.topicPrefix,
    );
    if (created.length) this.logger.info({ topics: created }, 'created Kafka topics');
    await this.producer.connect();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(input: MessagingInput): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
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
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA],
          useFactory: (kafka: Kafka) =>
            kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
        },
        { provide: KAFKA_ADMIN, inject: [KAFKA], useFactory: (kafka: Kafka) => kafka.admin() },
        {
          provide: OutboxRelay,
          inject: [getConnectionToken(), KAFKA_PRODUCER, MESSAGING_OPTIONS, MESSAGING_LOGGER],
          useFactory: (conn: Connection, producer: Producer, o: MessagingOptions, logger: MessagingLogger) =>
            new OutboxRelay(
              requireDb(conn),
              producer,
              o.outboxCollections,
              { ...o.relay, topicPrefix: o.topicPrefix },
              logger,
            ),
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
          ) =>
            new EventConsumer(
              kafka,
              producer,
              requireDb(conn),
              { ...o, groupId: o.groupId ?? `${o.clientId}` },
              l,
            ),
        },
        {
          provide: EventPublisher,
          inject: [MESSAGING_OPTIONS, OutboxRelay],
          useFactory: (o: MessagingOptions, relay: OutboxRelay) => new EventPublisher(o.source, relay),
        },
        MessagingLifecycle,
        registerHealthCheck({
          name: 'kafka',
          inject: [KAFKA_ADMIN],
          useFactory: (admin: Admin) => () => checkKafka(admin),
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
      ],
    };
  }
}

function requireDb(conn: Connection) {
  // The connection is opened by MongooseModule before providers that inject it are built.
  if (!conn.db) throw new Error('MongoDB connection is not open');
  return conn.db;
}

/**
 * The modules every service starts with: the platform (config, logging, Mongo, Redis, health,
 * OpenAPI) and messaging over the topics it publishes or consumes.
 */
export function serviceFoundation(
  service: { name: string; topics: readonly string[] },
  config: PlatformConfig & KafkaSettings,
): DynamicModule[] {
  return [
    PlatformModule.forRoot({ serviceName: service.name, config }),
    MessagingModule.forRoot(
      messagingFromConfig(config, { name: service.name, topics: service.topics.map((topic) => ({ topic })) }),
    ),
  ];
}

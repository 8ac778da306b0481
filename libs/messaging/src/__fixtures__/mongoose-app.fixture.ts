// A small service built the way features are built: Mongoose models with aggregatePlugin under the
// platform's strictQuery/sanitizeFilter, an outbox declared by its feature module, writes through
// AggregateStore, and a handler declared with @OnEvent. ROLE=writer serves POST /things; ROLE=consumer
// applies shortfall events to `effects`. Knobs: FAIL_UNTIL_FIXED (the handler fails until a document
// exists in `fixes`), DIE_AFTER_EFFECT=<shortfallId> (SIGKILL right after that effect's write, before
// the event is recorded as processed), LATE_HANDLER (register a handler after the app started).
// Its admin API is the real one (GET /admin/outbox/parked, POST …/redrive), behind the real auth.
import 'reflect-metadata';
import { Body, Controller, Injectable, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectConnection, InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Schema, type Connection, type Model } from 'mongoose';
import { ShortfallDetectedV1, ShortfallResolvedV1, type EnvelopeOf } from '@buqi/contracts';
import { authConfig } from '@buqi/auth';
import { defineConfig, loadConfig, serviceBaseConfig } from '@buqi/config';
import { exitOnSignals, PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import { EventConsumer } from '../consumer/event-consumer';
import { EventPublisher } from '../event-publisher';
import { serviceFoundation } from '../messaging.module';
import { OnEvent } from '../nest/on-event.decorator';
import { registerOutbox } from '../nest/register-outbox';
import type { OutboxEntry } from '../outbox/outbox';
import { aggregatePlugin } from '../persistence/aggregate.plugin';
import { AggregateStore } from '../persistence/aggregate-store';

const config = loadConfig(
  defineConfig({ ...serviceBaseConfig({ httpPort: 0, database: 'unused' }), ...authConfig }),
);
const role = process.env['ROLE'] ?? 'writer';
const actor = { kind: 'system', id: 'fixture' } as const;

interface Thing {
  _id: string;
  version: number;
  assetId: string;
}
const thingSchema = new Schema<Thing>({ _id: String, assetId: { type: String, required: true } });
thingSchema.plugin(aggregatePlugin);

interface Effect {
  _id: string;
  version: number;
  count: number;
}
const effectSchema = new Schema<Effect>({ _id: String, count: { type: Number, default: 0 } });
effectSchema.plugin(aggregatePlugin);

@Controller()
class WriterController {
  private readonly store: AggregateStore<Thing>;
  constructor(
    @InjectModel('Thing') model: Model<Thing>,
    private readonly events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'thing', events);
  }

  /** One thing and its shortfall event; `extraTopics` adds raw entries for other topics after it. */
  @Post('things')
  async create(@Body() body: { id: string; assetId: string; extraTopics?: string[] }): Promise<Thing> {
    const { entry } = this.events.entry(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: body.id, assetId: body.assetId },
      { actor },
    );
    const extra: OutboxEntry[] = (body.extraTopics ?? []).map((topic, i) => ({
      ...entry,
      id: `${entry.id}-${i}`,
      topic,
    }));
    return this.store.insert({ _id: body.id, assetId: body.assetId }, [entry, ...extra]);
  }
}

@Injectable()
class EffectsConsumer {
  private readonly store: AggregateStore<Effect>;
  constructor(
    @InjectModel('Effect') model: Model<Effect>,
    @InjectConnection() private readonly conn: Connection,
  ) {
    this.store = new AggregateStore(model, 'effect');
  }

  @OnEvent(ShortfallDetectedV1)
  async apply(event: EnvelopeOf<typeof ShortfallDetectedV1>): Promise<void> {
    const id = event.data.shortfallId;
    // Counts every call on purpose (not idempotent): tests read it to see re-runs.
    await this.conn.collection('invocations').insertOne({ eventId: event.id, shortfallId: id });
    if (process.env['FAIL_UNTIL_FIXED'] && !(await this.conn.collection('fixes').findOne({})))
      throw new Error(`cannot handle ${id} until fixed`);
    await this.store.applyEvent(id, event.id, { $inc: { count: 1 } }, { upsert: true });
    if (process.env['DIE_AFTER_EFFECT'] === id) process.kill(process.pid, 'SIGKILL');
  }
}

@Module({
  imports: [MongooseModule.forFeature([{ name: 'Thing', schema: thingSchema, collection: 'things' }])],
  controllers: [WriterController],
  providers: [registerOutbox('Thing')],
})
class WriterModule {}

@Module({
  imports: [MongooseModule.forFeature([{ name: 'Effect', schema: effectSchema, collection: 'effects' }])],
  providers: [EffectsConsumer],
})
class ConsumerModule {}

@Module({
  imports: [
    ...serviceFoundation(
      {
        name: process.env['GROUP'] ?? `fixture-${role}`,
        topics: [],
        messaging: {
          retry: { attempts: 2, initialDelayMs: 20, maxDelayMs: 50 },
          relay: { intervalMs: 100, retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 300 } },
          consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, processedRetentionMs: 3_600_000 },
        },
      },
      config,
    ),
    role === 'writer' ? WriterModule : ConsumerModule,
  ],
})
class FixtureApp {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FixtureApp, { logger: false, abortOnError: false });
  exitOnSignals(app, app.get<Logger>(PLATFORM_LOGGER));
  await app.listen(config.HTTP_PORT, '127.0.0.1');
  if (role === 'consumer') await app.get(EventConsumer).waitUntilJoined();
  if (process.env['LATE_HANDLER']) {
    try {
      app.get(EventConsumer).on(ShortfallResolvedV1, async () => undefined);
      console.log('late handler accepted');
    } catch (err) {
      console.log(`late handler refused: ${(err as Error).message}`);
      process.exit(3);
    }
  }
  console.log(`ready on ${config.HTTP_PORT}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

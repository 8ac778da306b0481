// A small app built from the real platform, messaging and jobs modules: HTTP write with an outbox
// event → relay → Kafka → consumer (database write, delayed job) → job (database write).
import { config, metricReader, spans, telemetry } from './telemetry';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Module,
  Post,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import { ShortfallDetectedV1, TOPICS } from '@buqi/contracts';
import { JobName, JobQueue, QueueName, startJobWorker } from '@buqi/jobs';
import {
  EventConsumer,
  EventPublisher,
  MessagingModule,
  messagingFromConfig,
  withOutbox,
} from '@buqi/messaging';
import { bootstrapService, PlatformModule, REDIS_CONNECTION } from '@buqi/platform';

const JOB_PREFIX = `${config.KAFKA_TOPIC_PREFIX ?? ''}jobs`;

@Injectable()
class ProbeFlow implements OnModuleInit {
  private readonly queue: JobQueue;

  constructor(
    @InjectConnection() private readonly conn: Connection,
    @Inject(REDIS_CONNECTION) redis: Redis,
    private readonly consumer: EventConsumer,
  ) {
    this.queue = new JobQueue(QueueName.Diagnostics, redis, JOB_PREFIX);
    const worker = startJobWorker(
      QueueName.Diagnostics,
      redis,
      {
        [JobName.Echo]: async ({ token }) => {
          await this.conn.collection('probe_jobs').insertOne({ _id: token as never, at: new Date() });
        },
      },
      { prefix: JOB_PREFIX },
    );
    void worker;
  }

  onModuleInit(): void {
    this.consumer.on(ShortfallDetectedV1, async (event) => {
      await this.conn
        .collection('probe_effects')
        .updateOne({ _id: event.data.shortfallId as never }, { $set: { seen: event.id } }, { upsert: true });
      await this.queue.add(
        JobName.Echo,
        { token: event.data.shortfallId },
        { jobId: `echo-${event.data.shortfallId}` },
      );
    });
  }
}

@Controller('probe')
class ProbeController {
  constructor(
    @InjectConnection() private readonly conn: Connection,
    private readonly events: EventPublisher,
  ) {}

  @Post('shortfalls')
  @HttpCode(202)
  async create(@Body() body: { shortfallId: string }): Promise<{ id: string }> {
    const { entry } = this.events.entry(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: body.shortfallId },
      { actor: { kind: 'user', id: 'probe' } },
    );
    await this.conn.collection('probes').insertOne(withOutbox({ _id: body.shortfallId as never }, [entry]));
    this.events.written();
    return { id: body.shortfallId };
  }

  @Get('metrics')
  async metrics() {
    const { resourceMetrics } = await metricReader.collect();
    return resourceMetrics.scopeMetrics.flatMap((scope) =>
      scope.metrics.map((m) => ({
        name: m.descriptor.name,
        points: m.dataPoints.map((p) => ({
          attributes: p.attributes,
          value: typeof p.value === 'number' ? p.value : (p.value as { count: number }).count,
        })),
      })),
    );
  }

  @Get('spans')
  spans() {
    return spans.getFinishedSpans().map((s) => ({
      name: s.name,
      kind: s.kind,
      traceId: s.spanContext().traceId,
      spanId: s.spanContext().spanId,
      parentSpanId: s.parentSpanContext?.spanId,
      attributes: s.attributes,
    }));
  }
}

@Module({ controllers: [ProbeController], providers: [ProbeFlow] })
class ProbeModule {}

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'trace-probe', config }),
    MessagingModule.forRoot({
      ...messagingFromConfig(config, { name: 'trace-probe', topics: [{ topic: TOPICS.shortfallDetected }] }),
      outboxCollections: ['probes'],
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, processedRetentionMs: 3_600_000 },
    }),
    ProbeModule,
  ],
})
class TracedAppModule {}

void bootstrapService(TracedAppModule, {
  serviceName: 'trace-probe',
  title: 'trace probe',
  description: 'test fixture',
  telemetry,
});

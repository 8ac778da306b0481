// A small app built from the real platform, messaging and jobs modules: HTTP write with an outbox
// event → relay → Kafka → consumer (database write, delayed job) → job (database write).
import { config, metricReader, spans, telemetry } from './telemetry';
import { Body, Controller, Get, HttpCode, Injectable, Module, Post } from '@nestjs/common';
import { InjectConnection, InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Schema, type Connection, type Model } from 'mongoose';
import { ShortfallDetectedV1, TOPICS, type EnvelopeOf } from '@buqi/contracts';
import { defineQueue, JobProcessor, JobScheduler, JobsModule } from '@buqi/jobs';
import {
  aggregatePlugin,
  AggregateStore,
  EventPublisher,
  MessagingModule,
  messagingFromConfig,
  OnEvent,
  registerOutbox,
} from '@buqi/messaging';
import { bootstrapService, PlatformModule } from '@buqi/platform';

const JOB_PREFIX = `${config.KAFKA_TOPIC_PREFIX ?? ''}jobs`;
const DiagnosticsQueue = defineQueue<{ echo: { token: string } }>('diagnostics');

// Written the way features are: Mongoose models with aggregatePlugin, AggregateStore writes.
interface Probe {
  _id: string;
  version: number;
}
interface ProbeEffect {
  _id: string;
  version: number;
  seen?: string;
}
const probeSchema = new Schema<Probe>({ _id: String }, { collection: 'probes' }).plugin(aggregatePlugin);
const effectSchema = new Schema<ProbeEffect>(
  { _id: String, seen: String },
  { collection: 'probe_effects' },
).plugin(aggregatePlugin);

@Injectable()
class EchoProcessor {
  constructor(@InjectConnection() private readonly conn: Connection) {}

  @JobProcessor(DiagnosticsQueue, 'echo')
  async echo({ token }: { token: string }): Promise<void> {
    await this.conn.collection('probe_jobs').insertOne({ _id: token as never, at: new Date() });
  }
}

@Injectable()
class ProbeFlow {
  private readonly effects: AggregateStore<ProbeEffect>;

  constructor(
    @InjectModel('ProbeEffect') model: Model<ProbeEffect>,
    private readonly jobs: JobScheduler,
  ) {
    this.effects = new AggregateStore(model, 'probe effect');
  }

  @OnEvent(ShortfallDetectedV1)
  async handle(event: EnvelopeOf<typeof ShortfallDetectedV1>): Promise<void> {
    const id = event.data.shortfallId;
    await this.effects.applyEvent(id, event.id, { $set: { seen: event.id } }, { upsert: true });
    await this.jobs.schedule(DiagnosticsQueue, 'echo', { token: id }, { jobId: `echo-${id}` });
  }
}

@Controller('probe')
class ProbeController {
  private readonly probes: AggregateStore<Probe>;

  constructor(
    @InjectModel('Probe') model: Model<Probe>,
    private readonly events: EventPublisher,
  ) {
    this.probes = new AggregateStore(model, 'probe', events);
  }

  @Post('shortfalls')
  @HttpCode(202)
  async create(@Body() body: { shortfallId: string }): Promise<{ id: string }> {
    const { entry } = this.events.entry(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: body.shortfallId },
      { actor: { kind: 'user', id: 'probe' } },
    );
    await this.probes.insert({ _id: body.shortfallId }, [entry]);
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

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: 'Probe', schema: probeSchema },
      { name: 'ProbeEffect', schema: effectSchema },
    ]),
  ],
  controllers: [ProbeController],
  providers: [registerOutbox('Probe'), ProbeFlow, EchoProcessor],
})
class ProbeModule {}

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'trace-probe', config }),
    MessagingModule.forRoot({
      ...messagingFromConfig(config, { name: 'trace-probe', topics: [{ topic: TOPICS.shortfallDetected }] }),
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, processedRetentionMs: 3_600_000 },
    }),
    JobsModule.forRoot({ prefix: JOB_PREFIX }),
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

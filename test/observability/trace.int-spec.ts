import { MongoClient } from 'mongodb';
import { engineEnv, freePort, spawnService, uniqueName, waitFor, type SpawnedService } from '@buqi/testing';

interface SpanRecord {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

const engines = engineEnv();
let app: SpawnedService | undefined;
let mongo: MongoClient;

beforeAll(async () => {
  mongo = await MongoClient.connect(engines.MONGO_URL);
});
afterAll(async () => {
  await app?.stop('SIGKILL');
  await mongo?.close();
});

describe('one trace from HTTP through Kafka to the consumer, its job and their database writes', () => {
  it('links every hop by one trace id, parent to child, and counts the flow in metrics', async () => {
    const name = uniqueName('trace');
    const port = await freePort();
    app = spawnService({
      main: 'test/observability/__fixtures__/traced-app.fixture.ts',
      env: {
        ...engines,
        MONGO_DB: name,
        KAFKA_TOPIC_PREFIX: `${name}.`,
        HTTP_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      inheritEnv: true,
    });
    const base = `http://127.0.0.1:${port}`;
    await app.waitForHttp(`${base}/health/ready`, { timeoutMs: 90_000 });

    const res = await fetch(`${base}/probe/shortfalls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'trace-test-1' },
      body: JSON.stringify({ shortfallId: `${name}-sf` }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-correlation-id')).toBe('trace-test-1');

    const db = mongo.db(name);
    await waitFor(
      'the job to write',
      () =>
        db
          .collection('probe_jobs')
          .findOne({})
          .then((d) => d ?? undefined),
      {
        timeoutMs: 60_000,
      },
    );

    const spans = await waitFor('the job span to end', async () => {
      const all = (await (await fetch(`${base}/probe/spans`)).json()) as SpanRecord[];
      return all.some((s) => s.name === 'diagnostics echo') ? all : undefined;
    });
    const server = spans.find(
      (s) => s.kind === 1 && String(s.attributes['http.route'] ?? s.name).includes('shortfalls'),
    );
    expect(server).toBeDefined();
    const trace = spans.filter((s) => s.traceId === server?.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (s: SpanRecord): SpanRecord[] => {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    const one = (what: string, pred: (s: SpanRecord) => boolean): SpanRecord => {
      const found = trace.find(pred);
      if (!found)
        throw new Error(`no ${what} span in the trace; it has: ${trace.map((s) => s.name).join(', ')}`);
      return found;
    };
    const mongoWrite = (collection: string, op: string) => (s: SpanRecord) =>
      s.attributes['db.system'] === 'mongodb' &&
      s.attributes['db.mongodb.collection'] === collection &&
      String(s.attributes['db.operation'] ?? s.name).includes(op);

    const httpInsert = one('HTTP handler insert into probes', mongoWrite('probes', 'insert'));
    const publish = one('Kafka publish', (s) => s.name.endsWith('shortfall.detected.v1 publish'));
    const processSpan = one('Kafka process', (s) => s.name.endsWith('shortfall.detected.v1 process'));
    const consumerWrite = one('consumer update of probe_effects', mongoWrite('probe_effects', 'update'));
    const job = one('BullMQ job', (s) => s.name === 'diagnostics echo');
    const jobWrite = one('job insert into probe_jobs', mongoWrite('probe_jobs', 'insert'));

    // The chain runs parent to child: HTTP → publish → process → (write, job) → job's write.
    expect(ancestors(httpInsert)).toContain(server);
    expect(ancestors(publish)).toContain(server);
    expect(ancestors(processSpan)).toContain(publish);
    expect(ancestors(consumerWrite)).toContain(processSpan);
    expect(ancestors(job)).toContain(processSpan);
    expect(ancestors(jobWrite)).toContain(job);
    // The group carries the environment's prefix, like the topics.
    expect(processSpan.attributes['messaging.consumer.group.name']).toBe(`${name}.trace-probe`);

    // The same flow is counted: one event published, one handled, one timing.
    const metrics = (await (await fetch(`${base}/probe/metrics`)).json()) as {
      name: string;
      points: { attributes: Record<string, string>; value: number }[];
    }[];
    const points = (name: string) => metrics.find((m) => m.name === name)?.points ?? [];
    // Topics are named as in the contracts, without the environment's prefix, as in the spans.
    expect(points('buqi.messaging.published')).toEqual([
      { attributes: { 'messaging.destination.name': 'shortfall.detected.v1' }, value: 1 },
    ]);
    const handled = {
      'messaging.destination.name': 'shortfall.detected.v1',
      'messaging.consumer.group.name': `${name}.trace-probe`,
      outcome: 'handled',
    };
    // Every outcome's count starts at 0 when the consumer starts (so the first dead letter shows in
    // increase()): the flow counted one handled, nothing else.
    expect(points('buqi.messaging.consumed')).toEqual([
      { attributes: { ...handled, outcome: 'dead-lettered' }, value: 0 },
      { attributes: handled, value: 1 },
    ]);
    expect(points('buqi.messaging.handling.duration')).toEqual([{ attributes: handled, value: 1 }]);
  });
});

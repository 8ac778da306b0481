import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { decodeEvent, WorkOrderEscalatedV1, type EnvelopeOf } from '@buqi/contracts';
import {
  createTestIssuer,
  dropTestDatabase,
  engineEnv,
  freePort,
  readTopic,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  waitFor,
  type SpawnedService,
  type TestIssuer,
} from '@buqi/testing';
import { SHORT_SLA } from '../../test-fixtures/short-sla';

// The escalation ladder across a SIGKILL of the service and the loss of Redis's data, with the
// service as its own process: timers are rebuilt from the database and each step fires once.

let issuer: TestIssuer;
let proc: SpawnedService | undefined;
const database = uniqueDatabaseName('wo_crash');
const prefix = `${uniqueName('crash')}.`;
const jobsPrefix = uniqueName('jobs');

beforeAll(async () => {
  issuer = await createTestIssuer();
});

afterAll(async () => {
  await proc?.stop('SIGKILL');
  await issuer?.close();
  await dropTestDatabase(engineEnv().MONGO_URL, database);
});

async function start(port: number): Promise<SpawnedService> {
  const started = spawnService({
    main: 'services/work-orders/src/main.ts',
    env: {
      ...engineEnv(),
      ...issuer.env,
      MONGO_DB: database,
      HTTP_PORT: String(port),
      KAFKA_TOPIC_PREFIX: prefix,
      JOBS_PREFIX: jobsPrefix,
      SLA_POLICY: JSON.stringify(SHORT_SLA),
      ESCALATION_RECONCILE_INTERVAL: '3s',
      LOG_LEVEL: 'warn',
    },
  });
  await started.waitForHttp(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 90_000 });
  return started;
}

it('fires each pending step once after the service is SIGKILLed and Redis loses its data', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  proc = await start(port);
  const supervisor = await issuer.token({
    sub: 'u-supervisor',
    roles: ['supervisor'],
    department: 'general-affairs',
  });
  const headers = { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/work-orders`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: '配电室漏水',
      assetId: 'NY-RR-003',
      priority: 'P1',
      taskType: 'plumbing-repair',
      standardHours: 2,
    }),
  });
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { id: string }).id;

  // Its first steps are pending as delayed jobs; the process dies without a word, and Redis loses them.
  const redis = new Redis(engineEnv().REDIS_URL);
  const pending = await redis.keys(`${jobsPrefix}:workorder-escalation:*`);
  expect(pending.length).toBeGreaterThan(0);
  expect((await proc.stop('SIGKILL')).signal).toBe('SIGKILL');
  const keys = await redis.keys(`${jobsPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();

  proc = await start(port);
  type Order = { escalations: { stepId: string; at: string; dueAt: string }[] };
  const escalated = await waitFor(
    'the steps due a minute after creation',
    async () => {
      const o = (await (await fetch(`${base}/work-orders/${id}`, { headers })).json()) as Order;
      return o.escalations.length >= 2 ? o : undefined;
    },
    { timeoutMs: 120_000 },
  );
  expect(escalated.escalations.map((e) => e.stepId).sort()).toEqual(['notify-supervisor', 'remind-crew']);
  for (const e of escalated.escalations) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(e.dueAt));

  // Several reconciliations later, still once each, on the order and on the topic.
  await new Promise((r) => setTimeout(r, 7_000));
  const again = (await (await fetch(`${base}/work-orders/${id}`, { headers })).json()) as Order;
  expect(again.escalations.map((e) => e.stepId).sort()).toEqual(['notify-supervisor', 'remind-crew']);
  const kafka = new Kafka({
    clientId: 'crash-test',
    brokers: engineEnv().KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const events = (await readTopic(kafka, prefix + WorkOrderEscalatedV1.topic, { atLeast: 2 }))
    .map((m) => (decodeEvent(WorkOrderEscalatedV1, m.value) as EnvelopeOf<typeof WorkOrderEscalatedV1>).data)
    .filter((e) => e.workOrderId === id);
  expect(events.map((e) => e.stepId).sort()).toEqual(['notify-supervisor', 'remind-crew']);
}, 240_000);

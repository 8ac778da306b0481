import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { dlqTopic, encodeEvent, ShortfallDetectedV1, TOPICS } from '@buqi/contracts';
import {
  createTestIssuer,
  engineEnv,
  freePort,
  messagesOn,
  spawnService,
  uniqueName,
  waitFor,
  waitForGroupAtEnd,
  type SpawnedService,
  type TestIssuer,
} from '@buqi/testing';
import { ensureTopics } from './kafka/kafka.factory';
import { useTestClients } from './__fixtures__/test-clients';
import { createEvent } from './outbox/create-event';

// The guarantees of the messaging library, proved the way services use it: Nest apps whose
// Mongoose models carry aggregatePlugin under the platform's strictQuery and sanitizeFilter.
const FIXTURE = 'libs/messaging/src/__fixtures__/mongoose-app.fixture.ts';
const engines = engineEnv();
const actor = { kind: 'system', id: 'test' } as const;

const clients = useTestClients();
let issuer: TestIssuer;
let token: string;

beforeAll(async () => {
  issuer = await createTestIssuer();
  token = await issuer.token({ roles: ['admin'] });
});
afterAll(() => issuer?.close());

interface App {
  url: string;
  proc: SpawnedService;
  db: Db;
}

/** Each test: its own topic prefix, databases and consumer group. */
async function scenario() {
  const name = uniqueName('mgo');
  const prefix = `${name}.`;
  await ensureTopics(clients.admin, [{ topic: TOPICS.shortfallDetected, partitions: 3 }], 3, prefix);
  // The services' consumer groups carry the topic prefix too.
  const group = `${prefix}${name}-consumer`;
  const topic = prefix + TOPICS.shortfallDetected;
  const spawn = async (role: 'writer' | 'consumer', extra: Record<string, string> = {}) => {
    const port = await freePort();
    const database = `${name}_${role}`;
    const proc = spawnService({
      main: FIXTURE,
      env: {
        ...engines,
        ...issuer.env,
        ROLE: role,
        MONGO_DB: database,
        HTTP_PORT: String(port),
        KAFKA_TOPIC_PREFIX: prefix,
        GROUP: `${name}-${role}`,
        LOG_LEVEL: 'warn',
        ...extra,
      },
      inheritEnv: true,
    });
    clients.children.push(proc);
    return { url: `http://127.0.0.1:${port}`, proc, db: clients.mongo.db(database) };
  };
  const start = async (role: 'writer' | 'consumer', extra: Record<string, string> = {}): Promise<App> => {
    const app = await spawn(role, extra);
    await app.proc.waitForOutput(/ready on/, 90_000);
    return app;
  };
  return { name, prefix, group, topic, dlq: prefix + dlqTopic(TOPICS.shortfallDetected), spawn, start };
}

async function post(url: string, body?: unknown): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res;
}

async function get<T>(url: string): Promise<T> {
  return (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
}

async function effects(db: Db): Promise<Map<string, number>> {
  const docs = await db.collection<{ _id: string; count: number }>('effects').find().toArray();
  return new Map(docs.map((d) => [d._id, d.count]));
}

function shortfallEvent(shortfallId: string) {
  return createEvent(
    ShortfallDetectedV1,
    { ...ShortfallDetectedV1.example, shortfallId },
    { source: 'test', actor },
  );
}

describe('messaging through Mongoose models, across processes', () => {
  it('delivers each state change written with its event to a consumer in another process, once', async () => {
    const s = await scenario();
    const consumer = await s.start('consumer');
    const writer = await s.start('writer');
    const ids = Array.from({ length: 20 }, (_, i) => `${s.name}-sf-${i}`);
    for (const id of ids) await post(`${writer.url}/things`, { id, assetId: `asset-${id.length % 3}` });

    await waitForGroupAtEnd(clients.admin, s.group, s.topic, { atLeast: ids.length });
    expect(await messagesOn(clients.admin, s.topic)).toBe(ids.length);
    const applied = await effects(consumer.db);
    expect(ids.map((id) => applied.get(id))).toEqual(ids.map(() => 1));
    expect(await consumer.db.collection('invocations').countDocuments()).toBe(ids.length);
    // The writer's outboxes are empty: nothing is left to publish.
    expect(await writer.db.collection('things').countDocuments({ _outbox: { $exists: true } })).toBe(0);
  });

  it('applies an event delivered twice once, and does not even run the handler the second time', async () => {
    const s = await scenario();
    const consumer = await s.start('consumer');
    const event = shortfallEvent(`${s.name}-twice`);
    const bytes = encodeEvent(ShortfallDetectedV1, event);
    await clients.producer.send({ topic: s.topic, messages: [{ key: event.subject, value: bytes }] });
    await clients.producer.send({ topic: s.topic, messages: [{ key: event.subject, value: bytes }] });

    await waitForGroupAtEnd(clients.admin, s.group, s.topic, { atLeast: 2 });
    expect((await effects(consumer.db)).get(event.data.shortfallId)).toBe(1);
    expect(await consumer.db.collection('invocations').countDocuments({ eventId: event.id })).toBe(1);
  });

  it('re-runs a handler that wrote its effect but died before recording the event, and the effect stays single', async () => {
    const s = await scenario();
    const events = Array.from({ length: 5 }, (_, i) => shortfallEvent(`${s.name}-k${i}`));
    // One key, so the five arrive in order on one partition.
    await clients.producer.send({
      topic: s.topic,
      messages: events.map((e) => ({ key: 'one-key', value: encodeEvent(ShortfallDetectedV1, e) })),
    });
    const victim = events[2].data.shortfallId;
    const dying = await s.start('consumer', { DIE_AFTER_EFFECT: victim });
    expect(await dying.proc.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const consumer = await s.start('consumer');
    await waitForGroupAtEnd(clients.admin, s.group, s.topic, { atLeast: events.length });
    // The handler really ran twice for the victim (its write happened before the crash) …
    expect(await consumer.db.collection('invocations').countDocuments({ shortfallId: victim })).toBe(2);
    // … and applyOnce kept every effect single.
    const applied = await effects(consumer.db);
    expect(events.map((e) => applied.get(e.data.shortfallId))).toEqual([1, 1, 1, 1, 1]);
  });

  it('refuses a handler registered after the consumer started', async () => {
    const s = await scenario();
    const { proc } = await s.spawn('writer', { LATE_HANDLER: '1' });
    expect(await proc.waitForExit(90_000)).toEqual({ code: 3, signal: null });
    expect(proc.stdout()).toMatch(
      /late handler refused: cannot register a handler for shortfall.resolved.v1/,
    );
  });

  it('parks an entry for a missing topic while later entries publish, says so in readiness, and re-drives it', async () => {
    const s = await scenario();
    const writer = await s.start('writer');
    const missing = 'not-yet-created.v1';
    // The first document carries a good event, one for a missing topic, then another good one.
    await post(`${writer.url}/things`, {
      id: `${s.name}-a`,
      assetId: 'a',
      extraTopics: [missing, TOPICS.shortfallDetected],
    });
    for (const id of ['b', 'c', 'd'])
      await post(`${writer.url}/things`, { id: `${s.name}-${id}`, assetId: id });

    // Every good entry leaves, including the one queued behind the bad entry in its own document.
    await waitFor(
      'the five good events on the topic',
      async () => (await messagesOn(clients.admin, s.topic)) === 5,
    );
    const parked = await waitFor('the bad entry parked', async () => {
      const list = await get<{ topic: string }[]>(`${writer.url}/admin/outbox/parked`);
      return list.length === 1 ? list : undefined;
    });
    expect(parked[0]).toMatchObject({ topic: missing, documentId: `${s.name}-a`, attempts: 3 });
    const degraded = await waitFor('readiness to report the parked entry', async () => {
      const body = (await (await fetch(`${writer.url}/health/ready`)).json()) as {
        status: string;
        checks: { outbox?: { status: string; reason?: string } };
      };
      return body.status === 'degraded' ? body : undefined;
    });
    expect(degraded.checks.outbox).toMatchObject({
      status: 'degraded',
      reason: expect.stringMatching(/1 outbox entry is parked/),
    });

    await clients.admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: s.prefix + missing, numPartitions: 1 }],
    });
    expect(await (await post(`${writer.url}/admin/outbox/parked/redrive`, {})).json()).toEqual({ moved: 1 });
    await waitFor(
      'the re-driven entry on its topic',
      async () => (await messagesOn(clients.admin, s.prefix + missing)) === 1,
    );
    await waitFor('readiness back to ok', async () => {
      const body = (await (await fetch(`${writer.url}/health/ready`)).json()) as { status: string };
      return body.status === 'ok';
    });
    expect(await messagesOn(clients.admin, s.topic)).toBe(5);
  });

  it('handles a dead-lettered event once after it is fixed and re-driven, and never twice', async () => {
    const s = await scenario();
    const consumer = await s.start('consumer', { FAIL_UNTIL_FIXED: '1' });
    const event = shortfallEvent(`${s.name}-poison`);
    await clients.producer.send({
      topic: s.topic,
      messages: [{ key: event.subject, value: encodeEvent(ShortfallDetectedV1, event) }],
    });
    await waitForGroupAtEnd(clients.admin, s.group, s.topic, { atLeast: 1 });
    expect(await messagesOn(clients.admin, s.dlq)).toBe(1);
    expect(await consumer.db.collection('invocations').countDocuments({ eventId: event.id })).toBe(2);
    expect((await effects(consumer.db)).get(event.data.shortfallId)).toBeUndefined();

    // The same bytes again (a redelivery, not a re-drive) are not handled again.
    await clients.producer.send({
      topic: s.topic,
      messages: [{ key: event.subject, value: encodeEvent(ShortfallDetectedV1, event) }],
    });
    await waitForGroupAtEnd(clients.admin, s.group, s.topic, { atLeast: 2 });
    expect(await consumer.db.collection('invocations').countDocuments({ eventId: event.id })).toBe(2);

    await consumer.db.collection('fixes').insertOne({ _id: randomUUID() } as never);
    const redrive = async () =>
      (await (
        await post(`${consumer.url}/admin/dead-letters/redrive`, { topic: TOPICS.shortfallDetected })
      ).json()) as {
        redriven: number;
      };
    const listed = () =>
      get<{ eventId: string; error: string; redriven: boolean }[]>(
        `${consumer.url}/admin/dead-letters?topic=${TOPICS.shortfallDetected}`,
      );
    expect(await listed()).toEqual([
      expect.objectContaining({
        eventId: event.id,
        error: expect.stringMatching(/until fixed/),
        redriven: false,
      }),
    ]);
    expect(await redrive()).toMatchObject({ redriven: 1 });
    expect(await listed()).toEqual([expect.objectContaining({ eventId: event.id, redriven: true })]);
    // The operator's re-drive is on the audit trail.
    const audit = await get<{ items: { action: string; actor: { id: string } }[] }>(
      `${consumer.url}/admin/audit`,
    );
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'dead-letters.redrive',
        actor: expect.objectContaining({ id: 'u-test' }),
      }),
    ]);
    await waitForGroupAtEnd(clients.admin, s.group, s.topic, { atLeast: 3 });
    expect((await effects(consumer.db)).get(event.data.shortfallId)).toBe(1);
    expect(await consumer.db.collection('invocations').countDocuments({ eventId: event.id })).toBe(3);

    // A second re-drive finds nothing new; the event stays handled once.
    expect(await redrive()).toMatchObject({ redriven: 0 });
    expect(await messagesOn(clients.admin, s.topic)).toBe(3);
    expect((await effects(consumer.db)).get(event.data.shortfallId)).toBe(1);
  });
});

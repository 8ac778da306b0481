import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Db } from 'mongodb';
import type { KafkaMessage } from 'kafkajs';
import { dlqTopic, encodeEvent, ShortfallDetectedV1, TOPICS } from '@buqi/contracts';
import {
  engineEnv,
  messagesOn,
  spawnService,
  uniqueName,
  waitFor,
  waitForGroupAtEnd,
  workspaceRoot,
} from '@buqi/testing';
import { ProcessedEvents } from './consumer/processed-events';
import { ensureTopics } from './kafka/kafka.factory';
import { useTestClients } from './__fixtures__/test-clients';
import { DLQ_H, headerString } from './kafka/headers';
import { createEvent } from './outbox/create-event';

const FIXTURES = 'libs/messaging/src/__fixtures__';
const EXIT_0 = { code: 0, signal: null };
const KILLED = { code: null, signal: 'SIGKILL' };
const engines = engineEnv();

const clients = useTestClients();

/** Each test gets its own database, topic prefix and consumer group. */
async function scenario() {
  const name = uniqueName('msg');
  const prefix = `${name}.`;
  await ensureTopics(clients.admin, [{ topic: TOPICS.shortfallDetected, partitions: 3 }], 3, prefix);
  const db: Db = clients.mongo.db(name);
  const env = { ...engines, DB: name, TOPIC_PREFIX: prefix, GROUP: `${name}-consumer`, RUN: name };
  const topic = prefix + TOPICS.shortfallDetected;
  return {
    db,
    env,
    topic,
    dlq: prefix + dlqTopic(TOPICS.shortfallDetected),
    run: (file: string, extra: Record<string, string> = {}) => {
      const p = spawnService({ main: `${FIXTURES}/${file}`, env: { ...env, ...extra }, inheritEnv: true });
      clients.children.push(p);
      return p;
    },
    effects: () => db.collection<{ _id: string; count: number }>('effects').find().toArray(),
    pending: () => db.collection('shortfalls').countDocuments({ '_outbox.0': { $exists: true } }),
    published: () => messagesOn(clients.admin, topic),
    /** Waits until the consumer has committed past every message on the topic, duplicates included. */
    consumedAll: (atLeast = 0) => waitForGroupAtEnd(clients.admin, env.GROUP, topic, { atLeast }),
  };
}

async function startConsumer(s: Awaited<ReturnType<typeof scenario>>, extra: Record<string, string> = {}) {
  const c = s.run('consumer.fixture.ts', extra);
  await c.waitForOutput(/consumer ready/, 90_000);
  return c;
}

/** Counted only once the consumer is at the end of the topic, so a late second apply would show. */
async function expectExactlyOneEffectEach(s: Awaited<ReturnType<typeof scenario>>, count: number) {
  await s.consumedAll(count);
  const effects = await s.effects();
  expect(effects).toHaveLength(count);
  expect(effects.filter((e) => e.count !== 1)).toEqual([]);
}

describe('outbox → Kafka → consumer, across processes', () => {
  it('publishes what a writer killed before its relay ran had stored, with one effect per event', async () => {
    const s = await scenario();
    const writer = s.run('outbox.fixture.ts', { MODE: 'write', COUNT: '20', DIE_AFTER_WRITE: '1' });
    expect(await writer.exited).toEqual(KILLED);
    expect(writer.stdout()).toContain('written 20');
    expect(await s.pending()).toBe(20);
    expect(await s.published()).toBe(0);

    const relay = s.run('outbox.fixture.ts', { MODE: 'relay' });
    expect(await relay.exited).toEqual(EXIT_0);
    expect(relay.stdout()).toContain('drained 20');
    expect(await s.pending()).toBe(0);

    await startConsumer(s);
    await expectExactlyOneEffectEach(s, 20);
  });

  it('re-publishes after a relay killed between publish and clean-up, and the consumer drops the duplicate', async () => {
    const s = await scenario();
    expect(await s.run('outbox.fixture.ts', { MODE: 'write', COUNT: '20' }).exited).toEqual(EXIT_0);

    // The relay sends a batch of documents at once and dies before removing any of them.
    const dying = s.run('outbox.fixture.ts', { MODE: 'relay', DIE_AFTER_PUBLISH: '1' });
    expect(await dying.exited).toEqual(KILLED);
    expect(await s.published()).toBe(20);
    expect(await s.pending()).toBe(20);

    const relay = s.run('outbox.fixture.ts', { MODE: 'relay' });
    expect(await relay.exited).toEqual(EXIT_0);
    expect(await s.published()).toBe(40); // every event really went out twice
    expect(await s.pending()).toBe(0);

    await startConsumer(s);
    await expectExactlyOneEffectEach(s, 20);
    // Each duplicate was recognised by its event id before the handler ran.
    expect(await s.db.collection('invocations').countDocuments()).toBe(20);
  });

  it('loses nothing and doubles nothing when the consumer is SIGKILLed mid-batch and restarted', async () => {
    const s = await scenario();
    const total = 300;
    expect(await s.run('outbox.fixture.ts', { MODE: 'write', COUNT: String(total) }).exited).toEqual(EXIT_0);
    expect(await s.run('outbox.fixture.ts', { MODE: 'relay' }).exited).toEqual(EXIT_0);
    expect(await s.published()).toBe(total);

    const first = await startConsumer(s, { SLOW_MS: '15' });
    await waitFor('some effects', async () => (await s.db.collection('effects').countDocuments()) >= 40);
    expect(await first.stop('SIGKILL')).toEqual(KILLED);
    // Counted after the process is gone: it was killed mid-way, not after the end.
    expect(await s.db.collection('effects').countDocuments()).toBeLessThan(total);

    await startConsumer(s);
    await expectExactlyOneEffectEach(s, total);
    // Redelivered events already recorded as processed were skipped without running the handler:
    // at most the one in flight at the kill ran twice.
    const invocations = await s.db.collection('invocations').countDocuments();
    expect(invocations - total).toBeGreaterThanOrEqual(0);
    expect(invocations - total).toBeLessThanOrEqual(1);
  });

  it('commits what finished when stopped gracefully, so a restart redelivers nothing handled', async () => {
    const s = await scenario();
    const total = 200;
    expect(await s.run('outbox.fixture.ts', { MODE: 'write', COUNT: String(total) }).exited).toEqual(EXIT_0);
    expect(await s.run('outbox.fixture.ts', { MODE: 'relay' }).exited).toEqual(EXIT_0);

    const consumer = await startConsumer(s, { SLOW_MS: '15' });
    await waitFor('some effects', async () => (await s.db.collection('effects').countDocuments()) >= 40);
    expect(await consumer.stop('SIGTERM')).toEqual(EXIT_0);

    const handled = await s.db.collection('processed_events').countDocuments();
    expect(handled).toBeLessThan(total);
    const committed = (await clients.admin.fetchOffsets({ groupId: s.env.GROUP, topics: [s.topic] }))
      .flatMap((t) => t.partitions)
      .reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(handled);

    await startConsumer(s);
    await expectExactlyOneEffectEach(s, total);
  });

  it('applies an event delivered twice once', async () => {
    const s = await scenario();
    const event = createEvent(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: `${s.env.RUN}-twice` },
      { source: 'test', actor: { kind: 'system', id: 'test' } },
    );
    const bytes = encodeEvent(ShortfallDetectedV1, event);
    await clients.producer.send({ topic: s.topic, messages: [{ key: event.subject, value: bytes }] });
    await clients.producer.send({ topic: s.topic, messages: [{ key: event.subject, value: bytes }] });
    expect(await s.published()).toBe(2);

    await startConsumer(s);
    await expectExactlyOneEffectEach(s, 1);
    // Both deliveries were consumed by now; the second never reached the handler.
    expect(await s.db.collection('invocations').countDocuments({ eventId: event.id })).toBe(1);
  });
});

describe('an idempotent handler', () => {
  it('runs on every delivery, its own writes keeping the effect single, with no processed-event record', async () => {
    const s = await scenario();
    const event = createEvent(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: `${s.env.RUN}-idempotent` },
      { source: 'test', actor: { kind: 'system', id: 'test' } },
    );
    const bytes = encodeEvent(ShortfallDetectedV1, event);
    await clients.producer.send({ topic: s.topic, messages: [{ key: event.subject, value: bytes }] });
    await clients.producer.send({ topic: s.topic, messages: [{ key: event.subject, value: bytes }] });

    await startConsumer(s, { IDEMPOTENT: '1' });
    await expectExactlyOneEffectEach(s, 1);
    expect(await s.db.collection('invocations').countDocuments({ eventId: event.id })).toBe(2);
    expect(await s.db.collection('processed_events').countDocuments()).toBe(0);
  });
});

describe('a handler re-run after its write', () => {
  it('applies its effect once when the consumer died between the write and the processed record', async () => {
    const s = await scenario();
    expect(await s.run('outbox.fixture.ts', { MODE: 'write', COUNT: '6' }).exited).toEqual(EXIT_0);
    expect(await s.run('outbox.fixture.ts', { MODE: 'relay' }).exited).toEqual(EXIT_0);
    const victim = `${s.env.RUN}-sf-3`;
    const dying = s.run('consumer.fixture.ts', { DIE_AFTER_EFFECT: victim });
    expect(await dying.exited).toEqual(KILLED);

    await startConsumer(s);
    await expectExactlyOneEffectEach(s, 6);
    // The handler did run twice for the victim: only applyOnce's guard kept its effect single.
    expect(
      await s.db.collection('invocations').countDocuments({ eventId: { $exists: true } }),
    ).toBeGreaterThan(6);
    expect((await s.effects()).find((e) => e._id === victim)?.count).toBe(1);
  });
});

describe('processed-event records', () => {
  it('are purged by age, per consumer group', async () => {
    const db = clients.mongo.db(uniqueName('processed'));
    const mine = new ProcessedEvents(db, 'group-a');
    const other = new ProcessedEvents(db, 'group-b');
    await mine.ensureIndexes();
    await mine.mark('old', new Date('2026-01-01T00:00:00Z'));
    await mine.mark('new', new Date('2026-03-01T00:00:00Z'));
    await mine.mark('new', new Date('2026-03-01T00:00:00Z')); // a second mark is harmless
    await other.mark('old', new Date('2026-01-01T00:00:00Z'));

    expect(await mine.purgeOlderThan(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(await mine.has('old')).toBe(false);
    expect(await mine.has('new')).toBe(true);
    expect(await other.has('old')).toBe(true);
    await db.dropDatabase();
  });
});

describe('dead letters', () => {
  it('sends a malformed message and a failing event to the DLQ with their errors, and goes on', async () => {
    const s = await scenario();
    const good = createEvent(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: `${s.env.RUN}-good` },
      { source: 'test', actor: { kind: 'system', id: 'test' } },
    );
    const poison = createEvent(
      ShortfallDetectedV1,
      { ...ShortfallDetectedV1.example, shortfallId: `${s.env.RUN}-poison`, evidence: ['poison'] },
      { source: 'test', actor: { kind: 'system', id: 'test' } },
    );
    const key = 'one-key'; // one partition, so the good event comes after both bad ones
    await clients.producer.send({
      topic: s.topic,
      messages: [
        { key, value: Buffer.from('{"not": "an event"'), headers: { origin: 'test' } },
        { key, value: encodeEvent(ShortfallDetectedV1, poison) },
        { key, value: encodeEvent(ShortfallDetectedV1, good) },
      ],
    });

    const consumer = await startConsumer(s);
    await expectExactlyOneEffectEach(s, 1);
    expect((await s.effects())[0]._id).toBe(`${s.env.RUN}-good`);

    const dead = await readAll(s.dlq);
    expect(dead).toHaveLength(2);
    expect(dead[0].value?.toString()).toBe('{"not": "an event"');
    expect(headerString(dead[0].headers, 'origin')).toBe('test');
    expect(headerString(dead[0].headers, DLQ_H.error)).toMatch(/not JSON/);
    expect(headerString(dead[0].headers, DLQ_H.errorClass)).toBe('ContractViolationError');
    expect(headerString(dead[0].headers, DLQ_H.topic)).toBe(s.topic.slice(s.env.TOPIC_PREFIX.length));
    expect(headerString(dead[0].headers, DLQ_H.group)).toBe(s.env.GROUP);
    expect(dead[1].value?.equals(encodeEvent(ShortfallDetectedV1, poison))).toBe(true);
    expect(headerString(dead[1].headers, DLQ_H.error)).toBe(`cannot handle ${s.env.RUN}-poison`);
    expect(headerString(dead[1].headers, DLQ_H.attempts)).toBe('3');
    // the failing handler was tried exactly as often as the retry policy allows
    expect(await s.db.collection('invocations').countDocuments({ eventId: poison.id })).toBe(3);

    // The operators' command lists them and publishes them back to their topic, once. (The consumer
    // is stopped first: it would dead-letter both again, since neither has been fixed.)
    expect(await consumer.stop('SIGTERM')).toEqual(EXIT_0);
    const cli = (command: string) => deadLettersCli(command, s.env.GROUP, s.env.TOPIC_PREFIX);
    const listed = JSON.parse(await cli('list')) as { eventId?: string; redriven: boolean }[];
    expect(listed.map((d) => [d.eventId, d.redriven])).toEqual([
      [undefined, false],
      [poison.id, false],
    ]);
    const before = await s.published();
    expect(JSON.parse(await cli('redrive'))).toMatchObject({ redriven: 2, skipped: 0 });
    expect(JSON.parse(await cli('redrive'))).toMatchObject({ redriven: 0 });
    expect(await s.published()).toBe(before + 2);
  });
});

/** Runs `npm run dead-letters` (the same script) for the shortfall topic and returns its stdout. */
async function deadLettersCli(command: string, group: string, prefix: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'bash',
    [
      'deploy/local/bin/dead-letters',
      command,
      '--group',
      group,
      '--topic',
      TOPICS.shortfallDetected,
      '--prefix',
      prefix,
    ],
    { cwd: workspaceRoot(), env: { ...process.env, KAFKA_BROKERS: engines.KAFKA_BROKERS } },
  );
  return stdout;
}

/** Every message on a topic, read up to the end offsets it has now. */
async function readAll(topic: string): Promise<KafkaMessage[]> {
  const expected = await messagesOn(clients.admin, topic);
  const consumer = clients.kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const got: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void got.push(message) });
  try {
    await waitFor(`${expected} messages on ${topic}`, () => got.length >= expected, { timeoutMs: 60_000 });
  } finally {
    await consumer.disconnect();
  }
  return got;
}

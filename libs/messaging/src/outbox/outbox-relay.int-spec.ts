import { MongoClient, type Db } from 'mongodb';
import { ShortfallDetectedV1, TOPICS } from '@buqi/contracts';
import { messagesOn, testEngines, uniqueDatabaseName, uniqueName, waitFor } from '@buqi/testing';
import { EventPublisher } from '../event-publisher';
import { ensureTopics } from '../kafka/kafka.factory';
import { silentLogger } from '../messaging.logger';
import { useTestClients } from '../__fixtures__/test-clients';
import { OUTBOX_FIELD, withOutbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { RelayLease } from './relay-lease';
import { TopicDirectory } from './topic-directory';

// What a relay does between its polls: a nudge naming a document publishes that document, read by
// _id, and only it; a nudge naming nothing looks through the collection. Its lease is written
// again only when half of it has run out.
// Declared before the clients, so it runs while they are still connected.
afterAll(() => db?.dropDatabase());
const clients = useTestClients();
const events = new EventPublisher('asset-inventory');
let db: Db;
let prefix: string;
let topic: string;

beforeAll(async () => {
  db = clients.mongo.db(uniqueDatabaseName('relay'));
  prefix = `${uniqueName('relay')}.`;
  topic = prefix + TOPICS.shortfallDetected;
  await ensureTopics(clients.admin, [{ topic: TOPICS.shortfallDetected, partitions: 1 }], 1, prefix);
});

function shortfallWithEvent(id: string) {
  const { entry } = events.entry(
    ShortfallDetectedV1,
    { ...ShortfallDetectedV1.example, shortfallId: id },
    { actor: { kind: 'system', id: 'test' } },
  );
  return withOutbox({ _id: id, status: 'open' }, [entry]);
}

const outboxOf = async (id: string) =>
  (
    (await db.collection<{ _id: string }>('shortfalls').findOne({ _id: id })) as Record<
      string,
      unknown[]
    > | null
  )?.[OUTBOX_FIELD];

describe('an outbox relay between polls', () => {
  it('publishes a nudged document by itself, leaves an unnamed write for a scan, and then publishes it', async () => {
    const relay = new OutboxRelay(
      db,
      clients.producer,
      new TopicDirectory(clients.admin),
      {
        intervalMs: 3_600_000, // no poll during the test
        batchSize: 50,
        leaseMs: 60_000,
        topicPrefix: prefix,
        retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 500 },
      },
      silentLogger,
    ).addCollection('shortfalls');
    relay.start();
    try {
      await waitFor('the first round', () => relay.liveness.lastRoundAt !== undefined, { timeoutMs: 10_000 });
      const lease = await db
        .collection<{ _id: string; until: Date }>('outbox_leases')
        .findOne({ _id: 'shortfalls' });
      const shortfalls = db.collection<{ _id: string }>('shortfalls');

      await shortfalls.insertOne(shortfallWithEvent('unnamed'));
      await shortfalls.insertOne(shortfallWithEvent('named'));
      relay.nudge({ collection: 'shortfalls', id: 'named' });

      await waitFor('the named event published', async () => (await outboxOf('named')) === undefined, {
        timeoutMs: 15_000,
      });
      expect(await messagesOn(clients.admin, topic)).toBe(1);
      expect(await outboxOf('unnamed')).toHaveLength(1);
      // the round used the lease taken by the first one, without writing it again
      expect(await db.collection<{ _id: string }>('outbox_leases').findOne({ _id: 'shortfalls' })).toEqual(
        lease,
      );

      relay.nudge();
      await waitFor('the unnamed event published', async () => (await outboxOf('unnamed')) === undefined, {
        timeoutMs: 15_000,
      });
      expect(await messagesOn(clients.admin, topic)).toBe(2);
    } finally {
      await relay.stop();
    }
  });
});

describe('a relay lease', () => {
  it('is written again only when less than half is left, and no other owner takes it meanwhile', async () => {
    const leases = db.collection<{ _id: string; owner: string; until: Date }>('outbox_leases');
    const mine = new RelayLease(db, 'mine', 10_000);
    const theirs = new RelayLease(db, 'theirs', 10_000);
    const t0 = new Date('2030-01-01T00:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);

    expect(await mine.acquire('orders', t0)).toBe(true);
    expect((await leases.findOne({ _id: 'orders' }))?.until).toEqual(at(10_000));
    expect(await mine.acquire('orders', at(4_000))).toBe(true);
    expect((await leases.findOne({ _id: 'orders' }))?.until).toEqual(at(10_000));
    expect(await theirs.acquire('orders', at(4_000))).toBe(false);

    expect(await mine.acquire('orders', at(6_000))).toBe(true);
    expect(await leases.findOne({ _id: 'orders' })).toMatchObject({ owner: 'mine', until: at(16_000) });

    await mine.release('orders');
    expect(await theirs.acquire('orders', at(6_000))).toBe(true);
    expect(await leases.findOne({ _id: 'orders' })).toMatchObject({ owner: 'theirs' });
  });

  it('is seen held by another owner by reading it: the instances without it write nothing', async () => {
    const monitored = await new MongoClient(testEngines().MONGO_URL, { monitorCommands: true }).connect();
    try {
      const writes: string[] = [];
      monitored.on('commandStarted', (e) => {
        if (['update', 'findAndModify', 'insert'].includes(e.commandName)) writes.push(e.commandName);
      });
      const t0 = new Date('2030-01-01T00:00:00Z');
      const mine = new RelayLease(db, 'mine', 10_000);
      const theirs = new RelayLease(monitored.db(db.databaseName), 'theirs', 10_000);
      expect(await mine.acquire('plans', t0)).toBe(true);
      for (const ms of [1_000, 2_000, 3_000, 9_999])
        expect(await theirs.acquire('plans', new Date(t0.getTime() + ms))).toBe(false);
      expect(writes).toEqual([]);
      // Once it has run out, the next owner takes it with a write.
      expect(await theirs.acquire('plans', new Date(t0.getTime() + 10_001))).toBe(true);
      expect(writes).toEqual(['update']);
    } finally {
      await monitored.close();
    }
  });
});

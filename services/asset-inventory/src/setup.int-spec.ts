// The set-up run the Kubernetes Job starts (setup.ts, ADR 0016): against the engines it makes the
// service's topics and indexes and exits 0, twice in a row, and starts nothing of the service.
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import {
  createTestIssuer,
  deleteTopicsWithPrefix,
  dropTestDatabase,
  engineEnv,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  type TestIssuer,
} from '@buqi/testing';
import { serviceInfo } from './service-info';

describe('asset-inventory set-up run (setup.ts)', () => {
  const env = engineEnv();
  const database = uniqueDatabaseName('setup');
  const prefix = `${uniqueName('setup')}.`;
  const kafka = new Kafka({ brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await createTestIssuer();
  });
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, prefix);
    await dropTestDatabase(env.MONGO_URL, database);
    await issuer.close();
  });

  const setUp = () =>
    spawnService({
      main: 'services/asset-inventory/src/setup.ts',
      env: {
        ...env,
        ...issuer.env,
        MONGO_DB: database,
        KAFKA_TOPIC_PREFIX: prefix,
        JOBS_PREFIX: uniqueName('jobs'),
        KAFKA_TOPIC_PARTITIONS: '2',
      },
    });

  it('creates the topics and indexes, starts nothing, exits 0, and a second run finds them made', async () => {
    const first = setUp();
    expect(await first.waitForExit(60_000)).toEqual({ code: 0, signal: null });
    const topicsStep = stepLog(first.stdout(), 'kafka-topics');
    expect([...(topicsStep['topics'] as string[])].sort()).toEqual(
      serviceInfo.topics.map((t) => prefix + t).sort(),
    );
    expect(topicsStep['created']).toHaveLength(serviceInfo.topics.length * 2); // each with its .dlq

    const admin = kafka.admin();
    await admin.connect();
    const mongo = await MongoClient.connect(env.MONGO_URL);
    try {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      expect(topics).toHaveLength(serviceInfo.topics.length * 2);
      // Nothing consumed: no consumer group joined under the prefix.
      const { groups } = await admin.listGroups();
      expect(groups.filter((g) => g.groupId.startsWith(prefix))).toEqual([]);

      const db = mongo.db(database);
      const indexes = async (collection: string) =>
        (await db.collection(collection).listIndexes().toArray()).map((i) => String(i['name']));
      expect(await indexes('assets')).toEqual(
        expect.arrayContaining(['assetClass_1__id_1', 'device.key.keyId_1']),
      );
      expect(await indexes('shortfalls')).toEqual(expect.arrayContaining(['status_1_openedAt_1__id_1']));
      expect(await indexes('audit_log')).toEqual(expect.arrayContaining(['at_-1']));
      expect(await indexes('processed_events')).toEqual(expect.arrayContaining(['group_1_at_1']));
      // Nothing written but collections: no job ran, no document was stored.
      expect(await db.collection('assets').countDocuments()).toBe(0);
    } finally {
      await admin.disconnect();
      await mongo.close();
    }

    // Never listened: the log has no "listening" line.
    expect(first.stdout()).not.toContain('listening on');

    const second = setUp();
    expect(await second.waitForExit(60_000)).toEqual({ code: 0, signal: null });
    expect(stepLog(second.stdout(), 'kafka-topics')['created']).toEqual([]);
  });

  it('exits 1, saying so, when it cannot be done', async () => {
    const run = spawnService({
      main: 'services/asset-inventory/src/setup.ts',
      // A database name the store refuses (after the connection's retries, about 12 s).
      env: { ...env, ...issuer.env, MONGO_DB: 'not.a.database', KAFKA_TOPIC_PREFIX: prefix },
    });
    expect((await run.waitForExit(90_000)).code).toBe(1);
    expect(run.stdout()).toContain('asset-inventory set-up failed');
  });
});

/** The log line of one set-up step (pino JSON on stdout). */
function stepLog(stdout: string, step: string): Record<string, unknown> {
  const line = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((l) => l['step'] === step);
  if (!line) throw new Error(`no log line of set-up step ${step} in:\n${stdout}`);
  return line;
}

import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { contractForTopic } from '@buqi/contracts';
import { deleteTopicsWithPrefix } from './kafka-offsets';
import { dropTestDatabase, engineEnv, freePort, uniqueDatabaseName, uniqueName } from './test-engines';
import { spawnService, type SpawnedService } from './spawn-service';
import { createTestIssuer, type TestIssuer } from './test-issuer';

/**
 * The process-level contract every service keeps: a bad configuration stops it at start naming
 * each variable, and against the engines it becomes ready, serves OpenAPI, serves its metrics to
 * a scrape with METRICS_TOKEN, and exits 0 on SIGTERM.
 */
export function describeServiceProcess(service: {
  name: string;
  title: string;
  topics: readonly string[];
}): void {
  const main = `services/${service.name}/src/main.ts`;

  describe(`${service.name} process`, () => {
    let proc: SpawnedService | undefined;
    let issuer: TestIssuer;

    beforeAll(async () => {
      issuer = await createTestIssuer();
    });
    afterAll(() => issuer.close());

    afterEach(async () => {
      await proc?.stop('SIGKILL');
      proc = undefined;
    });

    it('exits with code 1 naming every bad variable, before connecting anywhere', async () => {
      proc = spawnService({
        main,
        env: {
          ...engineEnv(),
          ...issuer.env,
          KAFKA_BROKERS: undefined,
          HTTP_PORT: 'abc',
          AUTH_JWKS_URL: 'ftp://keys',
        },
      });

      const { code } = await proc.waitForExit();

      expect(code).toBe(1);
      expect(proc.stderr()).toContain('KAFKA_BROKERS is required');
      expect(proc.stderr()).toContain('HTTP_PORT="abc" is not an integer between 1 and 65535');
      expect(proc.stderr()).toContain('AUTH_JWKS_URL');
      // Nest never started, so it logged nothing.
      expect(proc.stdout()).toBe('');
    });

    it('becomes ready against Mongo, Redis and Kafka, serves OpenAPI and metrics, and exits 0 on SIGTERM', async () => {
      const port = await freePort();
      const database = uniqueDatabaseName(service.name);
      const baseUrl = `http://127.0.0.1:${port}`;
      const env = engineEnv();
      const prefix = `${uniqueName('svc')}.`;
      const metricsToken = randomBytes(32).toString('hex');
      proc = spawnService({
        main,
        env: {
          ...env,
          ...issuer.env,
          MONGO_DB: database,
          HTTP_PORT: String(port),
          KAFKA_TOPIC_PREFIX: prefix,
          JOBS_PREFIX: uniqueName('jobs'),
          KAFKA_TOPIC_PARTITIONS: '2',
          METRICS_TOKEN: metricsToken,
        },
      });
      try {
        const ready = await proc.waitForHttp(`${baseUrl}/health/ready`, { timeoutMs: 90_000 });
        expect(await ready.json()).toMatchObject({
          status: 'ok',
          checks: {
            mongo: { status: 'up' },
            redis: { status: 'up' },
            kafka: { status: 'up' },
            outbox: { status: 'up' },
            consumer: { status: 'up' },
            jobs: { status: 'up' },
          },
        });

        // Its topics were created at start-up with the configured partitions, each with a dead-letter topic.
        const topics = await topicsWithPrefix(env.KAFKA_BROKERS, prefix);
        const created = [...topics.keys()].filter((t) => !t.endsWith('.dlq')).sort();
        expect(created).toEqual(service.topics.map((t) => prefix + t).sort());
        for (const t of created) {
          const compacted = contractForTopic(t.slice(prefix.length))?.cleanupPolicy === 'compact';
          expect({ topic: t, ...topics.get(t) }).toEqual({ topic: t, partitions: 2, compacted });
          expect(topics.has(`${t}.dlq`)).toBe(true);
        }

        // Everything but health and docs wants a token, and an administrator's for the admin API.
        expect((await fetch(`${baseUrl}/admin/outbox`)).status).toBe(401);
        const crew = await issuer.token({ roles: ['crew-member'] });
        expect(
          (await fetch(`${baseUrl}/admin/outbox`, { headers: { authorization: `Bearer ${crew}` } })).status,
        ).toBe(403);
        const admin = await issuer.token({ roles: ['admin'] });
        const outbox = await fetch(`${baseUrl}/admin/outbox`, {
          headers: { authorization: `Bearer ${admin}` },
        });
        expect(outbox.status).toBe(200);
        expect(await outbox.json()).toMatchObject({ pending: 0, parked: 0 });

        const live = await fetch(`${baseUrl}/health/live`, { headers: { 'x-correlation-id': 'int-test-1' } });
        expect(live.status).toBe(200);
        expect(live.headers.get('x-correlation-id')).toBe('int-test-1');

        const docs = await fetch(`${baseUrl}/docs-json`);
        const document = (await docs.json()) as { paths: Record<string, unknown> };
        expect(document).toMatchObject({
          info: { title: service.title },
          paths: { '/health/ready': expect.any(Object) },
        });
        expect(Object.keys(document.paths)).not.toContain('/metrics');

        // Prometheus's scrape, with METRICS_TOKEN, through the telemetry instrumentation.ts started.
        expect((await fetch(`${baseUrl}/metrics`)).status).toBe(401);
        const metrics = await fetch(`${baseUrl}/metrics`, {
          headers: { authorization: `Bearer ${metricsToken}` },
        });
        expect(metrics.status).toBe(200);
        const exposition = await metrics.text();
        expect(exposition).toContain(`service_name="${service.name}"`);
        expect(exposition).toMatch(
          /^http_server_request_duration_count\{http_request_method="GET",http_response_status_code="200",http_route="\/admin\/outbox"\} 1$/m,
        );
        // The http instrumentation gives spans only: the platform's metric is the one HTTP metric.
        expect(exposition).not.toMatch(/^http_server_duration/m);

        expect(await proc.stop('SIGTERM')).toEqual({ code: 0, signal: null });
        expect(proc.stdout()).toContain('"msg":"stopped"');
      } finally {
        await dropTestDatabase(env.MONGO_URL, database);
        await deleteTopicsWithPrefix(
          new Kafka({ brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }),
          prefix,
        );
      }
    });
  });
}

/** The topics under a prefix, with their partition counts and whether they are compacted. */
async function topicsWithPrefix(
  brokers: string,
  prefix: string,
): Promise<Map<string, { partitions: number; compacted: boolean }>> {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const names = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['cleanup.policy'],
      })),
    });
    const compacted = new Set(
      resources
        .filter((r) => r.configEntries.some((e) => e.configValue === 'compact'))
        .map((r) => r.resourceName),
    );
    return new Map(
      topics.map((t) => [t.name, { partitions: t.partitions.length, compacted: compacted.has(t.name) }]),
    );
  } finally {
    await admin.disconnect();
  }
}

import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  defineConfig,
  httpConfig,
  loadConfig,
  mongoConfig,
  redisConfig,
  telemetryConfig,
} from '@buqi/config';
import { dropTestDatabase, freePort, testEngines, uniqueDatabaseName } from '@buqi/testing';
import { createServiceApp } from './bootstrap/create-service-app';
import { registerHealthCheck } from './health/register-health-check';
import { PlatformModule } from './platform.module';

const engines = testEngines();
const database = uniqueDatabaseName('platform');
const spec = defineConfig({
  ...mongoConfig(database),
  ...redisConfig,
  ...httpConfig(3999),
  ...telemetryConfig,
});

async function startApp(
  env: Record<string, string>,
  ...extraModules: unknown[]
): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(spec, {
    MONGO_URL: engines.MONGO_URL,
    REDIS_URL: engines.REDIS_URL,
    LOG_LEVEL: 'fatal',
    ...env,
  });

  @Module({
    imports: [
      PlatformModule.forRoot({ serviceName: 'platform-int-test', config }),
      ...(extraModules as never[]),
    ],
  })
  class TestAppModule {}

  const app = await createServiceApp(TestAppModule, { title: 'platform', description: 'integration test' });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

const getJson = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
};

describe('PlatformModule against the local engines', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => dropTestDatabase(engines.MONGO_URL, database));

  it('is live and ready with mongo and redis up', async () => {
    const started = await startApp({});
    app = started.app;

    expect((await getJson(`${started.url}/health/live`)).body).toEqual({ status: 'ok' });
    const ready = await getJson(`${started.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: {
        mongo: { status: 'up', latencyMs: expect.any(Number) },
        redis: { status: 'up', latencyMs: expect.any(Number) },
      },
    });
  });

  it('answers 503 naming redis when Redis is unreachable', async () => {
    const closedPort = await freePort();
    const started = await startApp({ REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    app = started.app;

    const ready = await getJson(`${started.url}/health/ready`);

    expect(ready.status).toBe(503);
    // The same report as when ready: a status report, not a problem of the caller's.
    expect(ready.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ready.body).toMatchObject({
      status: 'error',
      checks: {
        mongo: { status: 'up' },
        redis: { status: 'down', error: expect.stringMatching(/ECONNREFUSED|connecting|reconnecting/) },
      },
    });
  });

  it('includes checks other modules register, and reports which one fails and why', async () => {
    @Module({
      providers: [
        registerHealthCheck({
          name: 'kafka',
          useFactory: () => () => Promise.reject(new Error('no broker answers')),
        }),
        registerHealthCheck({
          name: 'slow',
          timeoutMs: 100,
          useFactory: () => () => new Promise(() => undefined),
        }),
      ],
    })
    class ExtraChecksModule {}
    const started = await startApp({}, ExtraChecksModule);
    app = started.app;

    const ready = await getJson(`${started.url}/health/ready`);

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      checks: {
        mongo: { status: 'up' },
        redis: { status: 'up' },
        kafka: { status: 'down', error: 'no broker answers' },
        slow: { status: 'down', error: 'no answer within 100 ms' },
      },
    });
  });

  it('echoes a valid x-correlation-id and issues one otherwise', async () => {
    const started = await startApp({});
    app = started.app;

    const given = await getJson(`${started.url}/health/live`, { 'x-correlation-id': 'req-123' });
    const invalid = await getJson(`${started.url}/health/live`, { 'x-correlation-id': 'bad id' });
    const none = await getJson(`${started.url}/health/live`);

    expect(given.headers.get('x-correlation-id')).toBe('req-123');
    expect(invalid.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('can start on a port of its own choosing too', async () => {
    const port = await freePort();
    const config = loadConfig(spec, {
      MONGO_URL: engines.MONGO_URL,
      REDIS_URL: engines.REDIS_URL,
      LOG_LEVEL: 'fatal',
    });
    @Module({ imports: [PlatformModule.forRoot({ serviceName: 'platform-int-test', config })] })
    class PortModule {}
    app = await NestFactory.create(PortModule, { logger: false });
    await app.listen(port, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
  });
});

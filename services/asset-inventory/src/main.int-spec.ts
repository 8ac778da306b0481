import {
  dropTestDatabase,
  freePort,
  spawnService,
  testEngines,
  uniqueDatabaseName,
  type SpawnedService,
} from '@buqi/platform';

const MAIN = 'services/asset-inventory/src/main.ts';

describe('asset-inventory process', () => {
  const engines = testEngines();
  const engineEnv = {
    KAFKA_BROKERS: engines.KAFKA_BROKERS.join(','),
    MONGO_URL: engines.MONGO_URL,
    REDIS_URL: engines.REDIS_URL,
  };
  let service: SpawnedService | undefined;

  afterEach(async () => {
    await service?.stop('SIGKILL');
    service = undefined;
  });

  it('exits with code 1 naming a missing variable, before connecting anywhere', async () => {
    service = spawnService({ main: MAIN, env: { ...engineEnv, KAFKA_BROKERS: undefined, HTTP_PORT: 'abc' } });

    const { code } = await service.waitForExit();

    expect(code).toBe(1);
    expect(service.stderr()).toContain('KAFKA_BROKERS is required');
    expect(service.stderr()).toContain('HTTP_PORT="abc" is not an integer between 1 and 65535');
    // Nothing else ran: Nest never started, so it logged nothing.
    expect(service.stdout()).toBe('');
  });

  it('becomes ready against the engines and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const database = uniqueDatabaseName('asset-inventory');
    const baseUrl = `http://127.0.0.1:${port}`;
    service = spawnService({
      main: MAIN,
      env: { ...engineEnv, MONGO_DB: database, HTTP_PORT: String(port) },
    });
    try {
      const ready = await service.waitForHttp(`${baseUrl}/health/ready`, { timeoutMs: 90_000 });
      expect(await ready.json()).toMatchObject({
        status: 'ok',
        checks: { mongo: { status: 'up' }, redis: { status: 'up' } },
      });

      const live = await fetch(`${baseUrl}/health/live`, { headers: { 'x-correlation-id': 'int-test-1' } });
      expect(live.status).toBe(200);
      expect(live.headers.get('x-correlation-id')).toBe('int-test-1');

      const docs = await fetch(`${baseUrl}/docs-json`);
      expect(await docs.json()).toMatchObject({
        info: { title: 'Buqi asset inventory' },
        paths: { '/health/ready': expect.any(Object) },
      });

      const { code, signal } = await service.stop('SIGTERM');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(service.stdout()).toContain('"msg":"stopped"');
    } finally {
      await dropTestDatabase(engines.MONGO_URL, database);
    }
  });
});

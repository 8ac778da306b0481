import { randomBytes } from 'node:crypto';
import { Controller, Get, HttpException, Module, Param, type INestApplication } from '@nestjs/common';
import {
  defineConfig,
  httpConfig,
  loadConfig,
  mongoConfig,
  redisConfig,
  telemetryConfig,
} from '@buqi/config';
import { startTelemetry, type Telemetry } from '@buqi/observability';
import { dropTestDatabase, testEngines, uniqueDatabaseName } from '@buqi/testing';
import { createServiceApp } from '../bootstrap/create-service-app';
import { PlatformModule } from '../platform.module';

// GET /metrics of an app with nothing but the platform, on the local engines.

const engines = testEngines();
const database = uniqueDatabaseName('platform_metrics');
const spec = defineConfig({
  ...mongoConfig(database),
  ...redisConfig,
  ...httpConfig(3999),
  ...telemetryConfig,
});
const token = randomBytes(32).toString('hex');

@Controller('parcels')
class ParcelsController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    if (id === 'broken') throw new HttpException('down for the test', 503);
    return { id };
  }
}

async function startApp(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(spec, {
    MONGO_URL: engines.MONGO_URL,
    REDIS_URL: engines.REDIS_URL,
    LOG_LEVEL: 'fatal',
    ...env,
  });
  @Module({
    imports: [PlatformModule.forRoot({ serviceName: 'platform-metrics-test', config })],
    controllers: [ParcelsController],
  })
  class MetricsTestModule {}
  const app = await createServiceApp(MetricsTestModule, {
    title: 'metrics',
    description: 'integration test',
  });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  let telemetry: Telemetry;
  let app: INestApplication | undefined;

  beforeAll(() => {
    // As a service's instrumentation.ts does, before the app (and its meters) exist.
    telemetry = startTelemetry({
      serviceName: 'platform-metrics-test',
      prometheus: true,
      instrumentations: [],
    });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await telemetry.shutdown();
    await dropTestDatabase(engines.MONGO_URL, database);
  });

  it('answers 404, as for an unknown path, when no METRICS_TOKEN is configured', async () => {
    const started = await startApp({});
    app = started.app;

    const res = await scrape(started.url, `Bearer ${token}`);
    const unknown = await fetch(`${started.url}/no-such-path`);

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, detail: 'Cannot GET /metrics' });
    expect(unknown.status).toBe(404);
    // Nor is it in the API document, with or without a token.
    const docs = (await (await fetch(`${started.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(docs.paths)).not.toContain('/metrics');
  });

  it('wants the bearer token, then serves the text format with the HTTP metrics by route and status', async () => {
    const started = await startApp({ METRICS_TOKEN: token });
    app = started.app;

    for (const authorization of [undefined, 'Bearer wrong', `Basic ${token}`, token]) {
      const refused = await scrape(started.url, authorization);
      expect({ authorization, status: refused.status }).toEqual({ authorization, status: 401 });
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }

    expect((await fetch(`${started.url}/parcels/p-1`)).status).toBe(200);
    expect((await fetch(`${started.url}/parcels/p-2`)).status).toBe(200);
    expect((await fetch(`${started.url}/parcels/broken`)).status).toBe(503);
    expect((await fetch(`${started.url}/health/live`)).status).toBe(200);

    const res = await scrape(started.url, `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('# TYPE http_server_request_duration histogram');
    // One series per route template and status, whatever ids were asked for.
    expect(lines).toContain(
      'http_server_request_duration_count{http_request_method="GET",http_response_status_code="200",http_route="/parcels/:id"} 2',
    );
    expect(lines).toContain(
      'http_server_request_duration_count{http_request_method="GET",http_response_status_code="503",http_route="/parcels/:id"} 1',
    );
    // The refused scrapes, probes and scrapes are not traffic the HTTP metrics count.
    expect(lines.filter((l) => /http_route="\/(metrics|health)/.test(l))).toEqual([]);
  });
});

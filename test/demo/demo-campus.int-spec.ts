import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@buqi/auth';
import { createServicesClient } from '@buqi/services-client';
import {
  dropTestDatabase,
  engineEnv,
  freePort,
  spawnService,
  uniqueName,
  waitFor,
  type SpawnedService,
} from '@buqi/testing';
import { PEOPLE, RESTROOMS, ROADS, seedCampus, SENSORS, simulate } from '@buqi/demo';

// What `npm start` does after the services are up, on the real engines with every service its own
// process: the demo campus seeded, seeded again without a change, its accounts able to sign in, and
// the simulator's first round turning the loop (the smelly sensor's shortfall becomes a work order).
const engines = engineEnv();
const name = uniqueName('demo');
const SERVICES = ['asset-inventory', 'budget-allocation', 'work-orders', 'console'] as const;
const spawned: SpawnedService[] = [];
const urls: Record<string, string> = {};
let home: string;
const ADMIN_PASSWORD = 'demo-admin-password';

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'buqi-demo-'));
  const issuer = await DevIssuer.open(join(home, 'auth'));
  for (const service of SERVICES) {
    const port = await freePort();
    urls[service] = `http://127.0.0.1:${port}`;
    const proc = spawnService({
      main: `services/${service}/src/main.ts`,
      env: {
        ...engines,
        AUTH_ISSUER: DEV_ISSUER,
        AUTH_AUDIENCE: DEV_AUDIENCE,
        AUTH_JWKS_URL: issuer.jwksUrl,
        MONGO_DB: `${name}_${service.replace('-', '_')}`,
        KAFKA_TOPIC_PREFIX: `${name}.`,
        JOBS_PREFIX: `${name}.${service}`,
        HTTP_PORT: String(port),
        LOG_LEVEL: 'warn',
        ...(service === 'console' && {
          CONSOLE_SIGNING_KEY_DIR: join(home, 'auth'),
          CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
          CONSOLE_REDIS_PREFIX: name,
          ASSET_INVENTORY_URL: urls['asset-inventory'],
          BUDGET_ALLOCATION_URL: urls['budget-allocation'],
          WORK_ORDERS_URL: urls['work-orders'],
        }),
      },
    });
    spawned.push(proc);
    await proc.waitForHttp(`${urls[service]}/health/ready`, { timeoutMs: 180_000 });
  }
  Object.assign(process.env, {
    BUQI_HOME: home,
    ASSET_INVENTORY_URL: urls['asset-inventory'],
    BUDGET_ALLOCATION_URL: urls['budget-allocation'],
    WORK_ORDERS_URL: urls['work-orders'],
    CONSOLE_URL: urls['console'],
    CONSOLE_SIGNING_KEY_DIR: join(home, 'auth'),
    CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DEMO_TELEMETRY_EVERY: '5',
  });
}, 600_000);

afterAll(async () => {
  await Promise.all(spawned.map((s) => s.stop('SIGTERM')));
  for (const service of SERVICES)
    await dropTestDatabase(engines.MONGO_URL, `${name}_${service.replace('-', '_')}`);
  if (home) await rm(home, { recursive: true, force: true });
}, 120_000);

describe('the demo campus', () => {
  it('is seeded once: a second seeding creates nothing, and every account signs in', async () => {
    const first = await seedCampus();
    expect(first.created).toBeGreaterThan(40);
    expect(await seedCampus()).toEqual({ created: 0, present: first.created + first.present });

    const issuer = await DevIssuer.open(join(home, 'auth'));
    const manager = await issuer.sign({ sub: 'test', roles: ['asset-manager'] });
    const buqi = createServicesClient({
      assetInventory: urls['asset-inventory'],
      budgetAllocation: urls['budget-allocation'],
      workOrders: urls['work-orders'],
    });
    for (const code of [...ROADS, ...RESTROOMS, ...SENSORS].map((a) => a.code))
      expect((await buqi.inventory.getAsset(manager, code)).code).toBe(code);

    for (const person of PEOPLE) {
      const res = await fetch(`${urls['console']}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: person.console.id, password: 'buqi-demo-2026' }),
      });
      expect([person.console.id, res.status]).toEqual([person.console.id, 200]);
    }
  });

  it('turns the loop from the simulator’s first round: the smelly restroom gets a work order', async () => {
    const stop = new AbortController();
    const running = simulate(stop.signal);
    try {
      const issuer = await DevIssuer.open(join(home, 'auth'));
      const supervisor = await issuer.sign({
        sub: 'chen.zhuguan',
        roles: ['supervisor'],
        department: 'general-affairs',
      });
      const order = await waitFor(
        'the odour work order',
        async () => {
          const res = await fetch(`${urls['work-orders']}/work-orders/wo-rem-NY-RR-001-sensor-threshold-1`, {
            headers: { authorization: `Bearer ${supervisor}` },
          });
          return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      expect(order).toMatchObject({
        state: 'new',
        assetId: 'NY-RR-001',
        taskType: 'odour-remediation',
        source: 'remediation',
        fundedFen: 48_000, // the odour-remediation quota: 300 yuan labour and 180 yuan materials, one unit
      });
    } finally {
      stop.abort();
      await running;
    }
  }, 180_000);
});

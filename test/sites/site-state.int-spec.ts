import {
  createTestIssuer,
  dropTestDatabase,
  engineEnv,
  freePort,
  spawnService,
  uniqueName,
  waitFor,
  type SpawnedService,
  type TestIssuer,
} from '@buqi/testing';

// The first slice across services: a site registered in asset-inventory reaches budget-allocation
// through site.state.v1, and later changes follow it there.
const engines = engineEnv();
const name = uniqueName('e2e_sites');
const services: SpawnedService[] = [];
let issuer: TestIssuer;

async function start(service: string): Promise<string> {
  const port = await freePort();
  const proc = spawnService({
    main: `services/${service}/src/main.ts`,
    env: {
      ...engines,
      ...issuer.env,
      MONGO_DB: `${name}_${service.replace('-', '_')}`,
      KAFKA_TOPIC_PREFIX: `${name}.`,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    inheritEnv: true,
  });
  services.push(proc);
  const url = `http://127.0.0.1:${port}`;
  await proc.waitForHttp(`${url}/health/ready`, { timeoutMs: 120_000 });
  return url;
}

beforeAll(async () => {
  issuer = await createTestIssuer();
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop('SIGTERM')));
  await issuer?.close();
  for (const service of ['asset_inventory', 'budget_allocation'])
    await dropTestDatabase(engines.MONGO_URL, `${name}_${service}`);
});

describe('sites from asset-inventory to budget-allocation', () => {
  it('arrive with their zones, and changes follow', async () => {
    const [inventory, budget] = await Promise.all([start('asset-inventory'), start('budget-allocation')]);
    const manager = await issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
    const finance = await issuer.token({ sub: 'u-zhao', roles: ['finance'] });
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${inventory}${path}`, {
        method,
        headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const known = async () => {
      const res = await fetch(`${budget}/sites/NB`, { headers: { authorization: `Bearer ${finance}` } });
      return res.status === 200
        ? ((await res.json()) as { name: string; version: number; zones: { zoneId: string }[] })
        : undefined;
    };

    expect(
      (
        await send('POST', '/sites', {
          id: 'NB',
          name: '机关北院',
          kind: 'government-compound',
          plan: { widthM: 300, heightM: 200 },
        })
      ).status,
    ).toBe(201);
    expect(await waitFor('the site in budget-allocation', known)).toMatchObject({
      name: '机关北院',
      version: 1,
      zones: [],
    });

    const outline = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 80 },
    ];
    expect((await send('POST', '/sites/NB/zones', { code: 'A', name: '主楼区', outline })).status).toBe(201);
    const withZone = await waitFor('the zone in budget-allocation', async () => {
      const site = await known();
      return site?.version === 2 ? site : undefined;
    });
    expect(withZone.zones).toEqual([{ zoneId: 'NB-A', code: 'A', name: '主楼区' }]);
  });
});

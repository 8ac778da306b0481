import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@buqi/auth';
import { SITES } from '@buqi/demo';
import { ConsoleUnderTest, PASSWORD } from '../browser/browser-kit';

// The OWASP API Security Top 10 (2023) items that apply, against the console and the services as
// their own processes on the real engines, through the path production uses (the console's
// session for people, bearer tokens for the services, a device's own key): broken object- and
// function-level authorisation, mass assignment, NoSQL operators, unrestricted resource
// consumption, broken authentication (forged, expired, foreign tokens), security headers on every
// answer, and no secret of a caller's in any log line of the whole run.
const harness = new ConsoleUnderTest('owasp');
const year = new Date().getFullYear();
let issuer: DevIssuer;
const token: Record<string, string> = {};
let deviceKey = '';
let orderOfCrewOne = '';

// Fake secrets planted through the APIs; none may appear in any log line of any process.
const SECRETS = {
  password: 'Planted-Password-7f3a9c-不可记录',
  token: 'eyJhbGciOiJFUzI1NiJ9.eyJwbGFudGVkIjoiNGQ5ZTJiIn0.planted-signature-4d9e2b',
  deviceKey: 'planted-device-key-91c6e05a77d3',
  connection: 'mongodb://buqi:Planted-Conn-Secret-5a1f@db.bureau.example:27017/buqi',
};

const service = (name: 'asset-inventory' | 'budget-allocation' | 'work-orders') =>
  harness.serviceUrl[name] as string;

async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...((options.body !== undefined || options.raw !== undefined) && {
        'content-type': 'application/json',
      }),
      ...options.headers,
    },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: res.status, body, headers: res.headers };
}

beforeAll(async () => {
  await harness.start(
    ['asset-inventory', 'budget-allocation', 'work-orders'],
    {},
    { browser: false, logLevel: 'debug' },
  );
  issuer = await DevIssuer.open(harness.keyDir);
  const people = {
    admin: { roles: ['admin'] },
    manager: { roles: ['asset-manager'] },
    supervisor: { roles: ['supervisor'], department: 'general-affairs' },
    crewOne: { roles: ['crew-member'], crew: 'crew-roads-1' },
    crewTwo: { roles: ['crew-member'], crew: 'crew-roads-2' },
    contractorOne: { roles: ['contractor'], contractor: 'ct-one' },
    contractorTwo: { roles: ['contractor'], contractor: 'ct-two' },
    finance: { roles: ['finance'] },
  } as const;
  for (const [who, claims] of Object.entries(people))
    token[who] = await issuer.sign({ sub: `u-${who}`, ...claims, roles: [...claims.roles] });

  // A site, a restroom and a sensor with its own key (asset-inventory).
  const ai = service('asset-inventory');
  // The demo campus's 机关南院, its zone A and office building B01.
  const south = SITES.find((s) => s.site.id === 'NY');
  const steps: [string, unknown][] = [
    ['/sites', south?.site],
    ['/sites/NY/zones', south?.zones.find((z) => z.code === 'A')],
    ['/sites/NY/buildings', south?.buildings.find((b) => b.code === 'B01')],
  ];
  for (const [path, body] of steps)
    expect({
      path,
      status: (await call(ai, 'POST', path, { token: token['manager'], body })).status,
    }).toEqual({
      path,
      status: 201,
    });
  const core = {
    building: 'B01',
    location: { x: 120, y: 80 },
    criticality: 4,
    installedOn: '2009-06-01',
    expectedLifeYears: 15,
    replacementCostFen: 50_400_000,
    department: 'general-affairs',
  };
  const restroom = {
    code: 'NY-RR-003',
    name: '三层男卫',
    zone: 'A',
    ...core,
    restroom: {
      floor: 3,
      fixtures: [{ kind: 'urinal', count: 3 }],
      accessible: true,
      dailyFootfall: 300,
      restroomClass: 'class-2',
    },
  };
  const registered = await call(ai, 'POST', '/restrooms', { token: token['manager'], body: restroom });
  expect({ status: registered.status, body: registered.body }).toMatchObject({ status: 201 });
  const device = await call(ai, 'POST', '/monitoring-devices', {
    token: token['manager'],
    body: {
      code: 'NY-DV-001',
      name: '三层男卫氨气传感器',
      ...core,
      criticality: 3,
      device: {
        kind: 'nh3-sensor',
        watches: { assetId: 'NY-RR-003' },
        reportingIntervalSeconds: 60,
        power: 'battery',
        link: 'wireless',
      },
    },
  });
  expect(device.status).toBe(201);
  deviceKey = device.body['apiKey'] as string;

  // An order for crew one (work-orders).
  const wo = service('work-orders');
  const opened = await call(wo, 'POST', '/work-orders', {
    token: token['supervisor'],
    body: {
      title: '卫生间漏水',
      assetId: 'NY-RR-003',
      priority: 'P3',
      taskType: 'fixture-replacement',
      standardHours: 2,
    },
  });
  expect(opened.status).toBe(201);
  orderOfCrewOne = opened.body['id'] as string;
  expect(
    (
      await call(wo, 'POST', `/work-orders/${orderOfCrewOne}/assign`, {
        token: token['supervisor'],
        body: { assignee: { kind: 'crew', id: 'crew-roads-1' } },
      })
    ).status,
  ).toBe(200);
}, 600_000);

afterAll(() => harness.stop());

describe('API1 broken object-level authorisation', () => {
  it('refuses a crew member another crew’s order, and lists a contractor only their own work', async () => {
    const wo = service('work-orders');
    expect(
      (await call(wo, 'GET', `/work-orders/${orderOfCrewOne}`, { token: token['crewOne'] })).status,
    ).toBe(200);
    expect(
      (await call(wo, 'GET', `/work-orders/${orderOfCrewOne}`, { token: token['crewTwo'] })).status,
    ).toBe(403);
    expect(
      (await call(wo, 'POST', `/work-orders/${orderOfCrewOne}/start`, { token: token['crewTwo'], body: {} }))
        .status,
    ).toBe(403);
    await call(wo, 'POST', `/work-orders/${orderOfCrewOne}/assign`, {
      token: token['supervisor'],
      body: { assignee: { kind: 'contractor', id: 'ct-one' } },
    });
    const own = await call(wo, 'GET', '/work-orders', { token: token['contractorOne'] });
    const other = await call(wo, 'GET', '/work-orders', { token: token['contractorTwo'] });
    expect((own.body['items'] as { id: string }[]).map((o) => o.id)).toContain(orderOfCrewOne);
    expect(other.body['total']).toBe(0);
    // Asking for it by a filter does not widen what one sees.
    const asked = await call(wo, 'GET', '/work-orders?assigneeId=ct-one', { token: token['contractorTwo'] });
    expect([0, undefined]).toContain(asked.body['total']);
    expect(
      (await call(wo, 'GET', `/work-orders/${orderOfCrewOne}`, { token: token['contractorTwo'] })).status,
    ).toBe(403);
  });
});

describe('API5 broken function-level authorisation', () => {
  it('refuses a crew member the budget, plan, directory-writing and admin functions', async () => {
    const ba = service('budget-allocation');
    const wo = service('work-orders');
    const crew = { token: token['crewOne'] };
    const refused = [
      await call(ba, 'POST', '/budgets', {
        ...crew,
        body: { fiscalYear: year, envelopes: { maintenance: 1 }, reason: '试试看' },
      }),
      await call(ba, 'GET', '/plans', crew),
      await call(ba, 'POST', '/what-if', { ...crew, body: { levelsFen: [1] } }),
      await call(ba, 'PUT', '/plans/approval-policy', {
        ...crew,
        body: { steps: [{ role: 'crew-member', label: 'x' }], reason: '试试看' },
      }),
      await call(wo, 'POST', '/directory/departments', { ...crew, body: { id: 'x-dept', name: 'x' } }),
      await call(wo, 'PUT', `/calendars/${year}`, { ...crew, body: {} }),
      await call(service('asset-inventory'), 'POST', '/sites', {
        ...crew,
        body: { id: 'ZZ', name: 'x', kind: 'government-compound', plan: { widthM: 1, heightM: 1 } },
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
    // The console's admin pages and API, with a crew member's session.
    await harness.accounts([{ id: 'li.gong', name: '李工', roles: ['crew-member'], crew: 'crew-roads-1' }]);
    const session = await harness.cookie('li.gong');
    expect((await harness.api(session, 'GET', '/admin/accounts')).status).toBe(403);
    expect(
      (
        await harness.api(session, 'POST', '/admin/accounts', {
          id: 'evil',
          name: 'x',
          roles: ['admin'],
          password: PASSWORD,
        })
      ).status,
    ).toBe(403);
  });
});

describe('API3 mass assignment', () => {
  it('refuses a state, a cost or an owner set through create or update, naming the field', async () => {
    const wo = service('work-orders');
    const base = {
      title: '门锁损坏',
      assetId: 'NY-RR-003',
      priority: 'P3',
      taskType: 'fixture-replacement',
      standardHours: 1,
    };
    for (const [field, value] of [
      ['state', 'verified'],
      ['fundedFen', 1],
      ['assignee', { kind: 'crew', id: 'crew-roads-2' }],
      ['createdBy', 'u-someone'],
      ['version', 7],
    ] as const) {
      const answer = await call(wo, 'POST', '/work-orders', {
        token: token['supervisor'],
        body: { ...base, [field]: value },
      });
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    const ai = service('asset-inventory');
    const revised = await call(ai, 'PUT', '/restrooms/NY-RR-003', {
      token: token['manager'],
      headers: { 'if-match': '"1"' },
      body: { condition: { index: 100 }, name: '三层男卫' },
    });
    expect(revised.status).toBe(400);
  });
});

describe('NoSQL operators', () => {
  it('refuses operators in bodies and query strings as invalid values, never as queries', async () => {
    const wo = service('work-orders');
    const body = await call(wo, 'POST', '/work-orders', {
      token: token['supervisor'],
      body: {
        title: { $gt: '' },
        assetId: 'NY-RR-003',
        priority: 'P3',
        taskType: 'fixture-replacement',
        standardHours: 1,
      },
    });
    expect(body.status).toBe(400);
    for (const query of [
      'state[$ne]=x',
      'state%5B%24ne%5D=x',
      'assetId[$regex]=.*',
      'sort[$where]=1',
      '$where=1',
    ])
      expect({
        query,
        status: (await call(wo, 'GET', `/work-orders?${query}`, { token: token['supervisor'] })).status,
      }).toEqual({
        query,
        status: 400,
      });
    const ai = service('asset-inventory');
    expect((await call(ai, 'GET', '/assets?siteId[$ne]=none', { token: token['manager'] })).status).toBe(400);
  });
});

describe('API4 unrestricted resource consumption', () => {
  it('bounds page sizes, batch sizes, body sizes and request rates', async () => {
    const wo = service('work-orders');
    expect(
      (await call(wo, 'GET', '/work-orders?pageSize=100000', { token: token['supervisor'] })).status,
    ).toBe(400);
    const ai = service('asset-inventory');
    const reading = { metric: 'nh3', value: 0.2, unit: 'mg/m3', at: new Date().toISOString() };
    const batch = await call(ai, 'POST', '/devices/readings', {
      headers: { authorization: `ApiKey ${deviceKey}` },
      body: { readings: Array.from({ length: 501 }, () => reading) },
    });
    expect(batch.status).toBe(400);
    const huge = await call(wo, 'POST', '/work-orders', {
      token: token['supervisor'],
      raw: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    // The what-if is a heavy request: a bounded number per person a minute, then 429 with Retry-After.
    const ba = service('budget-allocation');
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 20 && !limited; i++) {
      const answer = await call(ba, 'POST', '/what-if', {
        token: token['finance'],
        body: { levelsFen: [1_000_000], years: 1 },
      });
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('API2 broken authentication', () => {
  it('refuses a token with alg none, a wrong key, an expired time, a wrong issuer or audience', async () => {
    const wo = service('work-orders');
    const claims = { roles: ['supervisor'], department: 'general-affairs' };
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: 'u-x', iss: DEV_ISSUER, aud: DEV_AUDIENCE, iat: now, exp: now + 600 })}.`;
    const stranger = await generateKeyPair('ES256');
    const wrongKey = await new SignJWT(claims)
      .setProtectedHeader({
        alg: 'ES256',
        kid: JSON.parse(readFileSync(join(harness.keyDir, 'jwks.json'), 'utf8')).keys[0].kid,
      })
      .setSubject('u-x')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(stranger.privateKey);
    const expired = await issuer.sign(
      { sub: 'u-x', roles: ['supervisor'], department: 'general-affairs' },
      {
        ttl: '5m',
        now: new Date(Date.now() - 3_600_000),
      },
    );
    const ownKey = await importJWK(
      JSON.parse(readFileSync(join(harness.keyDir, 'dev-issuer.private.jwk.json'), 'utf8')) as JWK,
      'ES256',
    );
    const kid = JSON.parse(readFileSync(join(harness.keyDir, 'jwks.json'), 'utf8')).keys[0].kid as string;
    const signed = (iss: string, aud: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject('u-x')
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(ownKey);
    const tokens = {
      none,
      wrongKey,
      expired,
      wrongIssuer: await signed('https://elsewhere.example', DEV_AUDIENCE),
      wrongAudience: await signed(DEV_ISSUER, 'another-api'),
      planted: SECRETS.token,
    };
    for (const [kind, bad] of Object.entries(tokens))
      expect({ kind, status: (await call(wo, 'GET', '/work-orders', { token: bad })).status }).toEqual({
        kind,
        status: 401,
      });
    // The same request with a good token works: the refusals are the tokens'.
    expect((await call(wo, 'GET', '/work-orders', { token: token['supervisor'] })).status).toBe(200);
    // A wrong device key (planted) is refused too.
    const reading = {
      readings: [{ metric: 'nh3', value: 0.2, unit: 'mg/m3', at: new Date().toISOString() }],
    };
    expect(
      (
        await call(service('asset-inventory'), 'POST', '/devices/readings', {
          headers: { authorization: `ApiKey ${SECRETS.deviceKey}` },
          body: reading,
        })
      ).status,
    ).toBe(401);
  });
});

describe('security headers', () => {
  it('are on every answer of every service: success, refusal, not found, too large', async () => {
    const answers = [];
    for (const base of [
      harness.url,
      service('asset-inventory'),
      service('budget-allocation'),
      service('work-orders'),
    ]) {
      answers.push(await call(base, 'GET', '/health/live'));
      answers.push(await call(base, 'GET', '/no-such-thing'));
      answers.push(await call(base, 'POST', '/no-such-thing', { raw: '{"broken"' }));
    }
    answers.push(await call(service('work-orders'), 'GET', '/work-orders'));
    answers.push(await call(service('work-orders'), 'GET', '/work-orders', { token: token['supervisor'] }));
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(answer.headers.get('x-frame-options')).toBeTruthy();
      expect(answer.headers.get('referrer-policy')).toBeTruthy();
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('secrets in logs', () => {
  it('never writes a planted password, token, device key or connection string to any log line', async () => {
    // Planted through the APIs: a password for a new account and a sign-in with it …
    const admin = await harness.cookie('admin');
    expect(
      (
        await harness.api(admin, 'POST', '/admin/accounts', {
          id: 'plant.user',
          name: '埋点',
          roles: ['finance'],
          password: SECRETS.password,
        })
      ).status,
    ).toBe(201);
    await harness.cookie('plant.user', SECRETS.password);
    await fetch(`${harness.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'plant.user', password: `${SECRETS.password}-wrong` }),
    });
    // … a connection string in a field that refuses it, and in one that keeps it …
    const wo = service('work-orders');
    await call(wo, 'POST', '/work-orders', {
      token: token['supervisor'],
      body: {
        title: SECRETS.connection,
        assetId: 'NY-RR-003',
        priority: SECRETS.connection,
        taskType: 'fixture-replacement',
        standardHours: 1,
      },
    });
    // … a token and a device key (above and here), and the real device key the service issued.
    await call(wo, 'GET', `/work-orders?q=${encodeURIComponent(SECRETS.token)}`, { token: SECRETS.token });
    const reading = {
      readings: [{ metric: 'nh3', value: 0.2, unit: 'mg/m3', at: new Date().toISOString() }],
    };
    await call(service('asset-inventory'), 'POST', '/devices/readings', {
      headers: { authorization: `ApiKey ${deviceKey}` },
      body: reading,
    });
    await new Promise((r) => setTimeout(r, 2_000)); // what is logged after the answer
    const logs = harness.logs();
    expect(logs.length).toBeGreaterThan(1_000); // debug logs were written: the search has something to search
    const found = Object.entries({
      ...SECRETS,
      issuedDeviceKey: deviceKey,
      sessionCookie: admin.split('=')[1] ?? admin,
    })
      .filter(([, secret]) => logs.includes(secret))
      .map(([name]) => name);
    expect(found).toEqual([]);
    // The bearer tokens the services were sent (good ones too) are not logged either.
    expect(Object.values(token).filter((t) => logs.includes(t))).toEqual([]);
  });
});

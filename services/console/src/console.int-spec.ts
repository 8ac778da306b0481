import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER } from '@buqi/auth';
import { DeviceStatusChangedV1, encodeEvent } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import {
  engineEnv,
  freePort,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  type SpawnedService,
} from '@buqi/testing';
import { startConsoleApp } from './test-fixtures/console-app';
import type { ServiceUnderTest } from '@buqi/testing';

// The console on the real engines, in process, in front of a real work-orders service (its own
// process) that trusts the console's keys through /.well-known/jwks.json, as it would trust the
// bureau's identity provider.
const ADMIN_PASSWORD = 'bootstrap-admin-password';
let consoleApp: ServiceUnderTest;
let workOrders: SpawnedService;

beforeAll(async () => {
  const workOrdersPort = await freePort();
  consoleApp = await startConsoleApp('console', {
    CONSOLE_SIGNING_KEY_DIR: mkdtempSync(join(tmpdir(), 'buqi-console-keys-')),
    CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CONSOLE_REDIS_PREFIX: uniqueName('console'),
    WORK_ORDERS_URL: `http://127.0.0.1:${workOrdersPort}`,
    BUDGET_ALLOCATION_URL: `http://127.0.0.1:${await freePort()}`, // nothing listens there
  });
  workOrders = spawnService({
    main: 'services/work-orders/src/main.ts',
    env: {
      ...engineEnv(),
      MONGO_DB: uniqueDatabaseName('console_wo'),
      KAFKA_TOPIC_PREFIX: `${uniqueName('console')}.`,
      JOBS_PREFIX: uniqueName('jobs'),
      HTTP_PORT: String(workOrdersPort),
      LOG_LEVEL: 'warn',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      AUTH_JWKS_URL: `${consoleApp.url}/.well-known/jwks.json`,
    },
  });
  await workOrders.waitForHttp(`http://127.0.0.1:${workOrdersPort}/health/ready`, { timeoutMs: 180_000 });
}, 240_000);

afterAll(async () => {
  await workOrders?.stop('SIGTERM');
  await consoleApp?.close();
});

/** A browser of one person: keeps the session cookie it is given, sends the console's header on changes. */
class Browser {
  cookie?: string;
  lastSetCookie?: string;

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${consoleApp.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie && { cookie: this.cookie }),
        ...(method !== 'GET' && { 'x-requested-with': 'buqi-console' }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const value = setCookie.split(';')[0];
      this.cookie = value.endsWith('=') ? undefined : value;
    }
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  signIn(username: string, password: string) {
    return this.send('POST', '/auth/sign-in', { username, password });
  }
}

const admin = new Browser();

describe('the console', () => {
  it('creates the first admin from its configuration and signs them in with an httpOnly, SameSite=Strict cookie', async () => {
    const signedIn = await admin.signIn('admin', ADMIN_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ id: 'admin', roles: ['admin'] });
    expect(admin.lastSetCookie).toMatch(
      /^buqi_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect((await admin.send('GET', '/auth/me')).body).toMatchObject({ id: 'admin' });
    expect((await new Browser().send('GET', '/auth/me')).status).toBe(401);
  });

  it('lets admins keep accounts, checking every field and each role’s belonging', async () => {
    const bad = await admin.send('POST', '/admin/accounts', {
      id: 'X',
      name: '',
      roles: ['janitor'],
      password: 'short',
      salary: 1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as { field: string }[]).map((e) => e.field).sort()).toEqual(
      expect.arrayContaining(
        ['id', 'name', 'password', 'roles/0', 'salary'].map((f) => expect.stringContaining(f.split('/')[0])),
      ),
    );
    const noCrew = await admin.send('POST', '/admin/accounts', {
      id: 'li.gong',
      name: '李工',
      roles: ['crew-member'],
      password: 'a long enough password',
    });
    expect(noCrew.status).toBe(422);
    expect(JSON.stringify(noCrew.body)).toContain('crew');

    for (const account of [
      { id: 'li.gong', name: '李工', roles: ['crew-member'], crew: 'crew-roads-1' },
      { id: 'zhang.zhuguan', name: '张主管', roles: ['supervisor'], department: 'general-affairs' },
      { id: 'wang.guess', name: '王某', roles: ['finance'] },
    ])
      expect(
        (await admin.send('POST', '/admin/accounts', { ...account, password: 'a long enough password' }))
          .status,
      ).toBe(201);
    expect(
      (
        await admin.send('POST', '/admin/accounts', {
          id: 'li.gong',
          name: '重复',
          roles: ['finance'],
          password: 'a long enough password',
        })
      ).status,
    ).toBe(409);
    const page = await admin.send('GET', '/admin/accounts?role=crew-member');
    expect(page.body).toMatchObject({
      total: 1,
      items: [{ id: 'li.gong', crew: 'crew-roads-1', active: true }],
    });
    expect(JSON.stringify(page.body)).not.toContain('scrypt');

    const crew = new Browser();
    expect((await crew.signIn('li.gong', 'a long enough password')).status).toBe(200);
    expect((await crew.send('GET', '/admin/accounts')).status).toBe(403);
  });

  it('answers a wrong user name and a wrong password alike, then makes the next attempts wait', async () => {
    const someone = new Browser();
    const unknown = await someone.signIn('nobody.here', 'whatever it is');
    const wrong = await someone.signIn('wang.guess', 'not the password');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body['detail']).toBe(wrong.body['detail']);
    for (let i = 0; i < 4; i++) expect((await someone.signIn('wang.guess', `guess ${i}`)).status).toBe(401);
    // Five failures on the account: the sixth attempt waits, even with the right password.
    const waiting = await someone.signIn('wang.guess', 'a long enough password');
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(someone.cookie).toBeUndefined();
  });

  it('calls the services as the signed-in person, with a token they verify by the console’s keys', async () => {
    const crew = new Browser();
    const supervisor = new Browser();
    await crew.signIn('li.gong', 'a long enough password');
    await supervisor.signIn('zhang.zhuguan', 'a long enough password');

    const list = await crew.send('GET', '/api/work-orders/work-orders?pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [], page: 1, pageSize: 5 });

    const order = {
      title: '南院主干道坑槽修补',
      assetId: 'NY-RD-012',
      priority: 'P3',
      taskType: 'pothole-patch',
      standardHours: 4,
    };
    // The service decides what each may do: a crew member cannot open work orders by hand.
    expect((await crew.send('POST', '/api/work-orders/work-orders', order)).status).toBe(403);
    const opened = await supervisor.send('POST', '/api/work-orders/work-orders', order);
    expect(opened.status).toBe(201);
    expect(opened.headers.get('location')).toMatch(/^\/api\/work-orders\/work-orders\/[\w-]+$/);
    expect(opened.body).toMatchObject({ department: 'general-affairs', createdBy: 'zhang.zhuguan' });
    const read = await supervisor.send('GET', opened.headers.get('location') as string);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    // A change without the console's header is refused before it reaches a service.
    const forged = await fetch(`${consoleApp.url}/api/work-orders/work-orders`, {
      method: 'POST',
      headers: { cookie: supervisor.cookie as string, 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    expect(forged.status).toBe(403);

    expect((await crew.send('GET', '/api/no-such-service/x')).status).toBe(404);
    expect((await crew.send('GET', '/api/budget-allocation/budgets')).status).toBe(502);
    expect((await new Browser().send('GET', '/api/work-orders/work-orders')).status).toBe(401);
  });

  it('ends sessions on a new password, a deactivation and sign-out', async () => {
    const crew = new Browser();
    await crew.signIn('li.gong', 'a long enough password');
    expect((await crew.send('GET', '/auth/me')).status).toBe(200);
    expect(
      (await admin.send('POST', '/admin/accounts/li.gong/password', { password: 'another long password' }))
        .status,
    ).toBe(204);
    expect((await crew.send('GET', '/auth/me')).status).toBe(401);
    expect((await crew.signIn('li.gong', 'another long password')).status).toBe(200);

    const current = await admin.send('GET', '/admin/accounts/li.gong');
    const off = await admin.send(
      'PATCH',
      '/admin/accounts/li.gong',
      { active: false },
      {
        'if-match': current.headers.get('etag') as string,
      },
    );
    expect(off.status).toBe(200);
    expect((await crew.send('GET', '/auth/me')).status).toBe(401);
    expect((await crew.signIn('li.gong', 'another long password')).status).toBe(401);
    expect(
      (await admin.send('PATCH', '/admin/accounts/admin', { active: false }, { 'if-match': '"1"' })).status,
    ).toBe(409);

    const leaving = new Browser();
    await leaving.signIn('zhang.zhuguan', 'a long enough password');
    const cookie = leaving.cookie;
    expect((await leaving.send('POST', '/auth/sign-out')).status).toBe(204);
    expect(leaving.lastSetCookie).toMatch(/^buqi_session=; .*Max-Age=0/);
    leaving.cookie = cookie;
    expect((await leaving.send('GET', '/auth/me')).status).toBe(401);
  });

  it('serves the built pages: the app for any of its paths, hashed assets cached, nothing outside', async () => {
    const page = async (path: string, accept = 'text/html') =>
      fetch(`${consoleApp.url}${path}`, { headers: { accept } });
    for (const path of ['/', '/my-orders', '/orders/wo-1']) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root"></div>');
    }
    const html = await (await page('/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await page(script as string, '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await page('/manifest.webmanifest', '*/*')).headers.get('content-type')).toContain(
      'manifest+json',
    );
    expect((await page('/sw.js', '*/*')).status).toBe(200);
    // The backend's own paths stay its own, and nothing outside the pages' directory is served.
    expect((await page('/auth/me')).status).toBe(401);
    expect((await page('/%2e%2e/%2e%2e/package.json', '*/*')).status).toBe(404);
    expect((await page('/nope.js', '*/*')).status).toBe(404);
  });

  it('streams alerts live to a signed-in page, and to nobody signed out', async () => {
    expect((await fetch(`${consoleApp.url}/alerts/stream`)).status).toBe(401);
    const reader = new Browser();
    await reader.signIn('admin', ADMIN_PASSWORD);
    const stream = await fetch(`${consoleApp.url}/alerts/stream`, {
      headers: { cookie: reader.cookie as string },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const text = (stream.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const producer = consoleApp.kafka.producer();
    await producer.connect();
    try {
      // The feed reads from the end of the topic once it has joined: offline events go out until one arrives.
      const sent: string[] = [];
      const publishing = setInterval(() => {
        const event = createEvent(
          DeviceStatusChangedV1,
          { ...DeviceStatusChangedV1.example, deviceId: 'NY-DV-009', at: new Date().toISOString() },
          { source: 'asset-inventory', actor: { kind: 'system', id: 'test' } },
        );
        sent.push(event.id);
        void producer.send({
          topic: consoleApp.prefix + DeviceStatusChangedV1.topic,
          messages: [{ key: 'NY-DV-009', value: encodeEvent(DeviceStatusChangedV1, event) }],
        });
      }, 1_000);
      try {
        while (!received.includes('event: alert')) {
          const { value, done } = await text.read();
          if (done) break;
          received += value;
        }
      } finally {
        clearInterval(publishing);
      }
      const alert = JSON.parse(/data: (.*)\n/.exec(received)?.[1] ?? '{}') as Record<string, unknown>;
      expect(alert).toMatchObject({ kind: 'device-offline', severity: 'error', subject: 'NY-DV-009' });
      expect(sent).toContain(alert['id']);
    } finally {
      await text.cancel();
      await producer.disconnect();
    }
  }, 60_000);

  it('serves its public keys as a JWKS, and never its private key', async () => {
    const res = await fetch(`${consoleApp.url}/.well-known/jwks.json`);
    const jwks = (await res.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});

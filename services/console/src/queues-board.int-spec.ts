import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@buqi/jobs';
import { engineEnv, freePort, uniqueName, waitFor, type ServiceUnderTest } from '@buqi/testing';
import { startConsoleApp } from './test-fixtures/console-app';

// The job queues board (bull-board at /admin/queues) of the console on the real engines: real
// BullMQ jobs under this run's own prefix, read and acted on through the board, checked in Redis.
const ADMIN_PASSWORD = 'bootstrap-admin-password';
const PREFIX = uniqueName('jobs');
let consoleApp: ServiceUnderTest;
let redis: Redis;
let notifications: Queue;
let escalation: Queue;
let failed: Job;
let delayed: Job;

beforeAll(async () => {
  consoleApp = await startConsoleApp('queues_board', {
    CONSOLE_SIGNING_KEY_DIR: mkdtempSync(join(tmpdir(), 'buqi-console-keys-')),
    CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CONSOLE_REDIS_PREFIX: uniqueName('console'),
    CONSOLE_JOBS_PREFIX: PREFIX,
  });
  redis = new Redis(engineEnv().REDIS_URL, { maxRetriesPerRequest: null });
  notifications = new Queue(QueueName.Notifications, { connection: redis, prefix: PREFIX });
  escalation = new Queue(QueueName.WorkOrderEscalation, { connection: redis, prefix: PREFIX });
  // A delivery that failed (its one attempt threw), and an escalation step due in an hour.
  const worker = new Worker(
    QueueName.Notifications,
    () => Promise.reject(new Error('the mail server refused the message')),
    { connection: redis, prefix: PREFIX },
  );
  const added = await notifications.add('deliver-notification', { deliveryId: 'dl-board-1' });
  await waitFor('the delivery to fail', async () => (await added.getState()) === 'failed');
  await worker.close();
  failed = added;
  delayed = await escalation.add(
    'escalation-step-due',
    { workOrderId: 'wo-board-1', step: 1 },
    { delay: 3_600_000 },
  );
}, 120_000);

afterAll(async () => {
  for (const queue of [notifications, escalation]) await queue?.obliterate({ force: true });
  await notifications?.close();
  await escalation?.close();
  await redis?.quit();
  await consoleApp?.close();
});

/** A browser of one person: keeps its session cookie; sends what the test says, nothing more. */
class Browser {
  cookie?: string;

  async send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ) {
    const res = await fetch(`${consoleApp.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie && { cookie: this.cookie }),
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    const json =
      (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: json as Record<string, unknown> | undefined,
    };
  }

  async signIn(username: string, password: string) {
    const res = await this.send('POST', '/auth/sign-in', {
      body: { username, password },
      headers: { 'x-requested-with': 'buqi-console' },
    });
    expect(res.status).toBe(200);
  }
}

const admin = new Browser();
const supervisor = new Browser();
const nobody = new Browser();
const QUEUES_API = `/admin/queues/api/queues?activeQueue=${QueueName.Notifications}&status=failed&page=1&jobsPerPage=10`;
const retryPath = () => `/admin/queues/api/queues/${QueueName.Notifications}/${failed.id}/retry`;
const promotePath = () => `/admin/queues/api/queues/${QueueName.WorkOrderEscalation}/${delayed.id}/promote`;

describe('the job queues board', () => {
  beforeAll(async () => {
    await admin.signIn('admin', ADMIN_PASSWORD);
    const created = await admin.send('POST', '/admin/accounts', {
      headers: { 'x-requested-with': 'buqi-console' },
      body: {
        id: 'zhang.zhuguan',
        name: '张主管',
        roles: ['supervisor'],
        department: 'general-affairs',
        password: 'a long enough password',
      },
    });
    expect(created.status).toBe(201);
    await supervisor.signIn('zhang.zhuguan', 'a long enough password');
  });

  it('shows admins its page, under the platform’s security headers, and the files the page loads', async () => {
    const page = await admin.send('GET', '/admin/queues', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<base href="/admin/queues/"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-powered-by')).toBeNull();
    const scripts = [...page.text.matchAll(/<script defer src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const file = await admin.send('GET', `/admin/queues/${script}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/javascript/);
    }
    // A page of the board opened directly (its own router) is the same page.
    const queuePage = await admin.send('GET', `/admin/queues/queue/${QueueName.Notifications}`, {
      headers: { accept: 'text/html' },
    });
    expect(queuePage.status).toBe(200);
  });

  it('lists every queue of the services with its jobs', async () => {
    const res = await admin.send('GET', QUEUES_API);
    expect(res.status).toBe(200);
    const queues = res.body?.['queues'] as {
      name: string;
      counts: Record<string, number>;
      jobs: { id: string; failedReason?: string; data: unknown }[];
    }[];
    expect(queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    const byName = new Map(queues.map((q) => [q.name, q]));
    expect(byName.get(QueueName.Notifications)?.counts).toMatchObject({ failed: 1 });
    expect(byName.get(QueueName.Notifications)?.jobs).toEqual([
      expect.objectContaining({
        id: failed.id,
        failedReason: 'the mail server refused the message',
        data: { deliveryId: 'dl-board-1' },
      }),
    ]);
    expect(byName.get(QueueName.WorkOrderEscalation)?.counts).toMatchObject({ delayed: 1 });
  });

  it('is for admins only: 403 for another role, 401 (or sign-in, for a page) without a session', async () => {
    for (const path of ['/admin/queues', QUEUES_API, '/admin/queues/static/images/logo.svg'])
      expect((await supervisor.send('GET', path, { headers: { accept: 'text/html' } })).status).toBe(403);
    expect(
      (await supervisor.send('PUT', retryPath(), { headers: { 'x-requested-with': 'buqi-console' } })).status,
    ).toBe(403);
    expect((await nobody.send('GET', QUEUES_API)).status).toBe(401);
    expect((await nobody.send('GET', '/admin/queues/static/images/logo.svg')).status).toBe(401);
    expect((await nobody.send('GET', '/admin/queues')).status).toBe(401);
    const page = await nobody.send('GET', '/admin/queues', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/sign-in');
    expect((await nobody.send('PUT', retryPath(), { headers: { 'x-requested-with': 'x' } })).status).toBe(
      401,
    );
    expect(await failed.getState()).toBe('failed');
  });

  it('takes a change only with X-Requested-With or from its own page (Sec-Fetch-Site: same-origin)', async () => {
    const bare = await admin.send('PUT', retryPath());
    expect(bare.status).toBe(403);
    expect(bare.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const crossSite = await admin.send('PUT', retryPath(), { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(await failed.getState()).toBe('failed');

    const retried = await admin.send('PUT', retryPath(), { headers: { 'x-requested-with': 'buqi-console' } });
    expect(retried.status).toBe(204);
    expect(await notifications.getJobState(failed.id as string)).toBe('waiting');

    expect((await admin.send('PUT', promotePath())).status).toBe(403);
    expect(await escalation.getJobState(delayed.id as string)).toBe('delayed');
    const promoted = await admin.send('PUT', promotePath(), { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(promoted.status).toBe(204);
    expect(await escalation.getJobState(delayed.id as string)).toBe('waiting');
  });

  it('leaves other paths under /admin to the console', async () => {
    expect((await admin.send('GET', '/admin/accounts')).status).toBe(200);
    expect((await admin.send('GET', '/admin/queuesx')).status).toBe(404);
  });
});

describe('the job queues board while the jobs’ Redis does not answer', () => {
  it('lets the console start and run, answers 503, and closes', async () => {
    const app = await startConsoleApp('queues_board_down', {
      CONSOLE_SIGNING_KEY_DIR: mkdtempSync(join(tmpdir(), 'buqi-console-keys-')),
      CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CONSOLE_REDIS_PREFIX: uniqueName('console'),
      CONSOLE_JOBS_REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    try {
      const signIn = await fetch(`${app.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'buqi-console' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
      const res = await fetch(`${app.url}/admin/queues/api/queues`, { headers: { cookie } });
      expect(res.status).toBe(503);
      expect((await fetch(`${app.url}/admin/queues`, { headers: { cookie } })).status).toBe(200);
      // The alerts feed joins Kafka in the background; an app closed before it has joined would
      // leave its consumer running past the test (see AlertsFeed), which is not what this checks.
      const kafka = app.kafka.admin();
      await kafka.connect();
      await waitFor('the alerts feed to join Kafka', async () => {
        const ids = (await kafka.listGroups()).groups
          .map((g) => g.groupId)
          .filter((id) => id.startsWith(`${app.prefix}console-alerts-`));
        return ids.length > 0 && (await kafka.describeGroups(ids)).groups.some((g) => g.state === 'Stable');
      });
      await kafka.disconnect();
    } finally {
      const started = Date.now();
      await app.close();
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});

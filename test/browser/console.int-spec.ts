import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { Kafka, logLevel } from 'kafkajs';
import { DEV_AUDIENCE, DEV_ISSUER } from '@buqi/auth';
import { DeviceStatusChangedV1, encodeEvent, ServiceQuotaV1 } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import {
  dropTestDatabase,
  engineEnv,
  freePort,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  waitFor,
  type SpawnedService,
} from '@buqi/testing';

// The console's pages in a real browser (Debian's chromium through playwright-core) against the
// console and work-orders as their own processes on the real engines: a crew member closes an
// order on a phone, a supervisor verifies and rates it. Screenshots go to .buqi/screenshots.
const engines = engineEnv();
const name = uniqueName('browser');
const databases = {
  console: uniqueDatabaseName('browser_console'),
  workOrders: uniqueDatabaseName('browser_wo'),
};
const SHOTS = resolve(__dirname, '../../.buqi/screenshots');
const PASSWORD = 'a long enough password';
const CHECKLIST = ['切割成规则形状', '清除松散材料并涂刷粘层油', '分层压实，边缘无缝隙'];
const processes: SpawnedService[] = [];
let consoleUrl: string;
let browser: Browser;
const kafka = new Kafka({ brokers: engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });

/** The console's own API, as a signed-in admin or supervisor would call it (cookie and header). */
async function consoleApi(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${consoleUrl}${path}`, {
    method,
    headers: { cookie, 'x-requested-with': 'buqi-console', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}

async function signInCookie(username: string, password: string): Promise<string> {
  const res = await fetch(`${consoleUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') as string).split(';')[0];
}

const shot = (page: Page, file: string) => page.screenshot({ path: join(SHOTS, file), fullPage: true });

/** Waits until the element shows `text`, then checks it does (playwright-core has no expect of its own). */
async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
  expect(await locator.first().textContent()).toContain(text);
}

let orderId: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [consolePort, workOrdersPort] = [await freePort(), await freePort()];
  consoleUrl = `http://127.0.0.1:${consolePort}`;
  const prefix = `${name}.`;
  const common = {
    ...engines,
    KAFKA_TOPIC_PREFIX: prefix,
    JOBS_PREFIX: uniqueName('jobs'),
    LOG_LEVEL: 'warn',
  };
  const consoleProcess = spawnService({
    main: 'services/console/src/main.ts',
    env: {
      ...common,
      MONGO_DB: databases.console,
      HTTP_PORT: String(consolePort),
      CONSOLE_SIGNING_KEY_DIR: join(resolve(__dirname, '../../.buqi'), `keys-${name}`),
      CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
      CONSOLE_REDIS_PREFIX: name,
      WORK_ORDERS_URL: `http://127.0.0.1:${workOrdersPort}`,
    },
  });
  processes.push(consoleProcess);
  await consoleProcess.waitForHttp(`${consoleUrl}/health/ready`, { timeoutMs: 180_000 });
  const workOrders = spawnService({
    main: 'services/work-orders/src/main.ts',
    env: {
      ...common,
      MONGO_DB: databases.workOrders,
      HTTP_PORT: String(workOrdersPort),
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      AUTH_JWKS_URL: `${consoleUrl}/.well-known/jwks.json`,
    },
  });
  processes.push(workOrders);
  await workOrders.waitForHttp(`http://127.0.0.1:${workOrdersPort}/health/ready`, { timeoutMs: 180_000 });

  // The quota's checklist, as budget-allocation publishes it.
  const producer = kafka.producer();
  await producer.connect();
  const quota = {
    ...ServiceQuotaV1.example,
    version: 1,
    effectiveFrom: '2026-01-01',
    quality: { checklist: CHECKLIST, acceptance: [] },
  };
  await producer.send({
    topic: prefix + ServiceQuotaV1.topic,
    messages: [
      {
        key: ServiceQuotaV1.key(quota),
        value: encodeEvent(
          ServiceQuotaV1,
          createEvent(ServiceQuotaV1, quota, {
            source: 'budget-allocation',
            actor: { kind: 'system', id: 'test' },
          }),
        ),
      },
    ],
  });
  await producer.disconnect();

  // People, and an order for the crew, through the console's API.
  const admin = await signInCookie('admin', PASSWORD);
  for (const account of [
    { id: 'li.gong', name: '李工', roles: ['crew-member'], crew: 'crew-roads-1' },
    { id: 'zhang.zhuguan', name: '张主管', roles: ['supervisor'], department: 'general-affairs' },
  ])
    expect(
      (await consoleApi(admin, 'POST', '/admin/accounts', { ...account, password: PASSWORD })).status,
    ).toBe(201);
  const supervisor = await signInCookie('zhang.zhuguan', PASSWORD);
  const opened = await consoleApi(supervisor, 'POST', '/api/work-orders/work-orders', {
    title: '南院主干道坑槽修补',
    assetId: 'NY-RD-012',
    priority: 'P2',
    taskType: 'pothole-patch',
    standardHours: 4,
  });
  expect(opened.status).toBe(201);
  orderId = opened.body['id'] as string;
  await waitFor('the quota in work-orders', async () => {
    const q = await consoleApi(supervisor, 'GET', '/api/work-orders/standards/quotas/pothole-patch');
    return q.status === 200;
  });
  const assigned = await consoleApi(supervisor, 'POST', `/api/work-orders/work-orders/${orderId}/assign`, {
    assignee: { kind: 'crew', id: 'crew-roads-1' },
  });
  expect(assigned.status).toBe(200);

  browser = await chromium.launch({
    executablePath: process.env['BUQI_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(processes.map((p) => p.stop('SIGTERM')));
  for (const db of Object.values(databases)) await dropTestDatabase(engines.MONGO_URL, db);
});

async function signIn(page: Page, username: string) {
  await page.goto(`${consoleUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
}

describe('the console in a browser', () => {
  it('refuses a wrong password with one message, in Chinese', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${consoleUrl}/my-orders`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('用户名').fill('li.gong');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await shows(page.getByRole('alert'), '用户名或密码不正确');
    await shot(page, 'sign-in-refused.png');
    await page.close();
  });

  it('lets a crew member close their order on a phone: start, photo, notes, hours, checklist, complete', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, 'li.gong');
    await page.waitForURL(/\/my-orders$/);
    await page.getByTestId(`order-${orderId}`).click();
    await shows(page.getByTestId('order-state'), '已派单');
    await shot(page, 'crew-order-assigned.png');

    // No signal in the plant room: the start is kept on the phone, with the time it was made …
    await context.setOffline(true);
    const pressedAt = Date.now();
    await page.getByRole('button', { name: '开始处理' }).click();
    await shows(page.getByTestId('queued'), '1 项待同步');
    await shows(page.getByTestId('order-state'), '已派单');
    await page.waitForTimeout(2_000);
    // … and sent when the signal is back.
    await context.setOffline(false);
    await shows(page.getByTestId('order-state'), '处理中');
    expect(await page.getByTestId('queued').count()).toBe(0);

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('修补后照片'),
    ]);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: png });
    await page.getByText('现场照片 (1)').waitFor({ timeout: 20_000 });

    await page.getByLabel('处理说明').fill('坑槽已切割、清理并分层压实');
    await page.getByLabel('工时（小时）').fill('3.5');
    for (const item of CHECKLIST) await page.getByLabel(item).check();
    await page
      .getByRole('button', { name: /完\s?工/ })
      .last()
      .click();
    await shows(page.getByTestId('order-state'), '待验收');
    await shows(page.getByTestId('history'), '完工');
    // Verification is the supervisor's: the crew is not offered it.
    expect(await page.getByRole('button', { name: /验\s?收/ }).count()).toBe(0);
    await shot(page, 'crew-order-completed.png');
    // The server kept both times of the start made offline: when it was made and when it arrived.
    const supervisor = await signInCookie('zhang.zhuguan', PASSWORD);
    const history = (await consoleApi(supervisor, 'GET', `/api/work-orders/work-orders/${orderId}`)).body[
      'history'
    ] as { action: string; at: string; actedAt?: string }[];
    const started = history.find((h) => h.action === 'start');
    expect(Date.parse(started?.actedAt as string)).toBeGreaterThanOrEqual(pressedAt - 1_000);
    expect(Date.parse(started?.at as string) - Date.parse(started?.actedAt as string)).toBeGreaterThanOrEqual(
      1_500,
    );

    // A page the crew may not see says so.
    await page.goto(`${consoleUrl}/accounts`);
    await page.getByText('您没有权限查看此页面').waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('lets the supervisor find it awaiting verification and rate it 优秀', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await signIn(page, 'zhang.zhuguan');
    await page.waitForURL(/\/queue$/);
    await page.getByText('待验收').first().click();
    await page.getByRole('link', { name: '南院主干道坑槽修补' }).click();
    // What the crew reported is there to verify against.
    await shows(page.getByTestId('closure'), '坑槽已切割、清理并分层压实');
    for (const item of CHECKLIST) await shows(page.getByTestId('closure'), item);
    expect(await page.getByTestId('closure').getByText('✓').count()).toBe(CHECKLIST.length);
    await page.getByText('优秀').click();
    await page.getByLabel('意见').fill('修补平整，边缘密实');
    await page
      .getByRole('button', { name: /验\s?收/ })
      .last()
      .click();
    await shows(page.getByTestId('order-state'), '已验收');
    await shows(page.getByTestId('order-state').locator('..'), '优秀');
    await shot(page, 'supervisor-verified.png');
    await page.close();
  });

  it('shows an alert live, without a reload, when a device goes offline', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await signIn(page, 'zhang.zhuguan');
    await page.waitForURL(/\/queue$/);
    const producer = kafka.producer();
    await producer.connect();
    // The console's feed reads from the end of the topic once it has joined: offline events go out until one shows.
    const publishing = setInterval(() => {
      const event = createEvent(
        DeviceStatusChangedV1,
        { ...DeviceStatusChangedV1.example, deviceId: 'BY-DV-001', at: new Date().toISOString() },
        { source: 'asset-inventory', actor: { kind: 'system', id: 'test' } },
      );
      void producer.send({
        topic: `${name}.${DeviceStatusChangedV1.topic}`,
        messages: [{ key: 'BY-DV-001', value: encodeEvent(DeviceStatusChangedV1, event) }],
      });
    }, 2_000);
    try {
      await page
        .getByTestId('alert-toast')
        .filter({ hasText: '设备离线：BY-DV-001' })
        .first()
        .waitFor({ timeout: 90_000 });
    } finally {
      clearInterval(publishing);
      await producer.disconnect();
    }
    await shot(page, 'alert-live.png');
    await page.close();
  }, 120_000);
});

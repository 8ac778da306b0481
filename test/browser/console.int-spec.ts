import { DeviceStatusChangedV1, ServiceQuotaV1 } from '@buqi/contracts';
import { waitFor } from '@buqi/testing';
import { ConsoleUnderTest, shot, shows } from './browser-kit';

// The console's pages in a real browser (Debian's chromium through playwright-core) against the
// console and work-orders as their own processes on the real engines: a crew member closes an
// order on a phone, a supervisor verifies and rates it. Screenshots go to .buqi/screenshots.
const harness = new ConsoleUnderTest('browser');
const CHECKLIST = ['切割成规则形状', '清除松散材料并涂刷粘层油', '分层压实，边缘无缝隙'];

let orderId: string;

beforeAll(async () => {
  await harness.start(['work-orders']);

  // The quota's checklist, as budget-allocation publishes it.
  await harness.publish(
    ServiceQuotaV1,
    {
      ...ServiceQuotaV1.example,
      version: 1,
      effectiveFrom: '2026-01-01',
      quality: { checklist: CHECKLIST, acceptance: [] },
    },
    'budget-allocation',
  );

  // People, and an order for the crew, through the console's API.
  await harness.accounts([
    { id: 'li.gong', name: '李工', roles: ['crew-member'], crew: 'crew-roads-1' },
    { id: 'zhang.zhuguan', name: '张主管', roles: ['supervisor'], department: 'general-affairs' },
  ]);
  const supervisor = await harness.cookie('zhang.zhuguan');
  const opened = await harness.api(supervisor, 'POST', '/api/work-orders/work-orders', {
    title: '南院主干道坑槽修补',
    assetId: 'NY-RD-012',
    priority: 'P2',
    taskType: 'pothole-patch',
    standardHours: 4,
  });
  expect(opened.status).toBe(201);
  orderId = opened.body['id'] as string;
  await waitFor('the quota in work-orders', async () => {
    const q = await harness.api(supervisor, 'GET', '/api/work-orders/standards/quotas/pothole-patch');
    return q.status === 200;
  });
  const assigned = await harness.api(supervisor, 'POST', `/api/work-orders/work-orders/${orderId}/assign`, {
    assignee: { kind: 'crew', id: 'crew-roads-1' },
  });
  expect(assigned.status).toBe(200);
}, 400_000);

afterAll(() => harness.stop());

describe('the console in a browser', () => {
  it('refuses a wrong password with one message, in Chinese', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${harness.url}/my-orders`);
    await page.waitForURL(/\/sign-in$/);
    // By hand, not harness.signIn: the page is to stay on the sign-in form.
    await page.getByLabel('用户名').fill('li.gong');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await shows(page.getByRole('alert').first(), '用户名或密码不正确');
    await shot(page, 'sign-in-refused.png');
    await page.close();
  });

  it('lets a crew member close their order on a phone: start, photo, notes, hours, checklist, complete', async () => {
    const { context, page } = await harness.phone();
    await harness.signIn(page, 'li.gong');
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
    const supervisor = await harness.cookie('zhang.zhuguan');
    const history = (await harness.api(supervisor, 'GET', `/api/work-orders/work-orders/${orderId}`)).body[
      'history'
    ] as { action: string; at: string; actedAt?: string }[];
    const started = history.find((h) => h.action === 'start');
    expect(Date.parse(started?.actedAt as string)).toBeGreaterThanOrEqual(pressedAt - 1_000);
    expect(Date.parse(started?.at as string) - Date.parse(started?.actedAt as string)).toBeGreaterThanOrEqual(
      1_500,
    );

    // A page the crew may not see says so.
    await page.goto(`${harness.url}/accounts`);
    await page.getByText('您没有权限查看此页面').waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('drops a move made offline that the server refuses when it arrives, and says so', async () => {
    const supervisor = await harness.cookie('zhang.zhuguan');
    const opened = await harness.ok(supervisor, 'POST', '/api/work-orders/work-orders', {
      title: '北院化粪池盖板更换',
      assetId: 'BY-RD-003',
      priority: 'P3',
      taskType: 'pothole-patch',
      standardHours: 2,
    });
    const id = opened['id'] as string;
    await harness.ok(supervisor, 'POST', `/api/work-orders/work-orders/${id}/assign`, {
      assignee: { kind: 'crew', id: 'crew-roads-1' },
    });
    const { context, page } = await harness.phone();
    await harness.signIn(page, 'li.gong');
    await page.waitForURL(/\/my-orders$/);
    await page.getByTestId(`order-${id}`).click();
    await shows(page.getByTestId('order-state'), '已派单');
    await context.setOffline(true);
    await page.getByRole('button', { name: '开始处理' }).click();
    await shows(page.getByTestId('queued'), '1 项待同步');
    // Meanwhile the supervisor cancels the order: the start cannot be taken when it arrives.
    await harness.ok(supervisor, 'POST', `/api/work-orders/work-orders/${id}/cancel`, {
      reason: '并入北院排水改造项目',
    });
    await context.setOffline(false);
    await shows(page.locator('.ant-message'), '离线期间的操作未被接受');
    // In Chinese first (the kind of refusal), then the service's own words.
    await shows(page.locator('.ant-message'), '离线期间的操作未被接受：与当前状态冲突');
    await shows(page.getByTestId('order-state'), '已取消');
    expect(await page.getByTestId('queued').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('buqi.outbox'))).toBe('[]');
    await shot(page, 'crew-offline-refused.png');
    await context.close();
  });

  it('lets the supervisor find it awaiting verification and rate it 优秀', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await harness.signIn(page, 'zhang.zhuguan');
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

  it('suggests the crew that serves the order’s zone, with why, and assigns it', async () => {
    const supervisor = await harness.cookie('zhang.zhuguan');
    await harness.ok(await harness.cookie('admin'), 'POST', '/api/work-orders/directory/departments', {
      id: 'general-affairs',
      name: '综合处',
    });
    for (const crew of [
      { id: 'crew-roads-3', name: '北院道路班', zones: ['BY-A'] },
      { id: 'crew-roads-4', name: '南院道路班', zones: ['NY-B'] },
    ])
      await harness.ok(supervisor, 'POST', '/api/work-orders/directory/crews', {
        ...crew,
        trades: ['roads'],
        capacityHoursPerDay: 16,
        department: 'general-affairs',
      });
    const opened = await harness.ok(supervisor, 'POST', '/api/work-orders/work-orders', {
      title: '南院停车场标线重画',
      assetId: 'NY-RD-015',
      zoneId: 'NY-B',
      priority: 'P3',
      taskType: 'pothole-patch',
      standardHours: 6,
    });
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    await page.goto(`${harness.url}/orders/${opened['id'] as string}`);
    await harness.signIn(page, 'zhang.zhuguan');
    const first = page.getByTestId('suggestions').locator('.ant-list-item').first();
    await shows(first, '南院道路班');
    await shows(first, '推荐');
    await shows(first, '负责 NY-B 片区');
    await shows(page.getByTestId('suggestions').locator('.ant-list-item'), '北院道路班');
    await shot(page, 'supervisor-suggested-assignee.png');
    await first.getByRole('button', { name: /选\s?用/ }).click();
    await page.getByRole('button', { name: /^派\s?单$/ }).click();
    await shows(page.getByTestId('order-state'), '已派单');
    const order = await harness.ok(
      supervisor,
      'GET',
      `/api/work-orders/work-orders/${opened['id'] as string}`,
    );
    expect(order['assignee']).toEqual({ kind: 'crew', id: 'crew-roads-4' });
    await page.close();
  });

  it('shows an alert live, without a reload, when a device goes offline', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await harness.signIn(page, 'zhang.zhuguan');
    await page.waitForURL(/\/queue$/);
    // The console's feed reads from the end of the topic once it has joined: offline events go out until one shows.
    const publishing = setInterval(() => {
      void harness.publish(
        DeviceStatusChangedV1,
        { ...DeviceStatusChangedV1.example, deviceId: 'BY-DV-001', at: new Date().toISOString() },
        'asset-inventory',
      );
    }, 2_000);
    try {
      await page
        .getByTestId('alert-toast')
        .filter({ hasText: '设备离线：BY-DV-001' })
        .first()
        .waitFor({ timeout: 90_000 });
    } finally {
      clearInterval(publishing);
    }
    await shot(page, 'alert-live.png');
    await page.close();
  }, 120_000);
});

import type { Locator } from 'playwright-core';
import { SITES } from '@buqi/demo';
import { ConsoleUnderTest, shot, shows } from './browser-kit';

// Two console pages in a real browser (Debian's chromium through playwright-core) against the
// console, asset-inventory and work-orders as their own processes on the real engines: an asset
// manager checks and then imports a CSV file of road segments, a crew member is kept out of the
// import, and a supervisor reads the month's scorecards with one verified order in them.
// Screenshots go to .buqi/screenshots.
const harness = new ConsoleUnderTest('browser_import');

// The import's road columns (services/asset-inventory/src/asset-import/domain/asset-columns.ts).
const HEADER =
  '编码,资产类别,名称,站点,区域,楼栋,X坐标（米）,Y坐标（米）,重要度,安装日期,设计寿命（年）,重置成本（元）,' +
  '责任部门,长度（米）,宽度（米）,路面类型,道路等级';
const road = (code: string, roadName: string, length: string) =>
  `${code},道路,${roadName},NY,A,,120,80,4,2009-06-01,15,504000.00,general-affairs,${length},7,沥青,主干路`;
const GOOD = ['NY-RD-901', 'NY-RD-902'];
const BAD = 'NY-RD-903';
// Row 3 of the file (the header is row 1): its length is not a number.
const CSV =
  [
    HEADER,
    road(GOOD[0], '南院东侧道路', '120'),
    road(BAD, '长度写错的道路', '一百'),
    road(GOOD[1], '南院西侧道路', '80'),
  ].join('\r\n') + '\r\n';

/** The text of each cell of a table's body row (Ant Design's measuring row left out). */
async function rowCells(table: Locator, containing: string): Promise<string[]> {
  const row = table.locator('tbody tr.ant-table-row').filter({ hasText: containing });
  await row.first().waitFor({ timeout: 20_000 });
  expect(await row.count()).toBe(1);
  return (await row.locator('td').allTextContents()).map((c) => c.trim());
}

beforeAll(async () => {
  await harness.start(['asset-inventory', 'work-orders'], {
    'asset-inventory': { TELEMETRY_SWEEP_INTERVAL: '1h', COVERAGE_SWEEP_INTERVAL: '1h' },
  });

  // People, through the console's API as the bootstrapped admin.
  await harness.accounts([
    { id: 'wang.zichan', name: '王资产', roles: ['asset-manager'] },
    { id: 'li.gong', name: '李工', roles: ['crew-member'], crew: 'crew-roads-1' },
    { id: 'zhang.zhuguan', name: '张主管', roles: ['supervisor'], department: 'general-affairs' },
  ]);
  const admin = await harness.cookie('admin');

  // The site and zone the imported rows name (asset-inventory, as the admin): the demo campus's
  // 机关南院 and its zone A.
  const south = SITES.find((s) => s.site.id === 'NY');
  await harness.ok(admin, 'POST', '/api/asset-inventory/sites', south?.site);
  await harness.ok(
    admin,
    'POST',
    '/api/asset-inventory/sites/NY/zones',
    south?.zones.find((z) => z.code === 'A'),
  );

  // The directory's names, and one order done by the crew and verified 优秀 this month.
  await harness.ok(admin, 'POST', '/api/work-orders/directory/departments', {
    id: 'general-affairs',
    name: '综合处',
  });
  const supervisor = await harness.cookie('zhang.zhuguan');
  await harness.ok(supervisor, 'POST', '/api/work-orders/directory/crews', {
    id: 'crew-roads-1',
    name: '道路一班',
    trades: ['roads'],
    zones: ['NY-A'],
    capacityHoursPerDay: 32,
    department: 'general-affairs',
  });
  const order = await harness.ok(supervisor, 'POST', '/api/work-orders/work-orders', {
    title: '南院主干道坑槽修补',
    assetId: 'NY-RD-012',
    priority: 'P3',
    taskType: 'pothole-patch',
    standardHours: 4,
  });
  const orders = `/api/work-orders/work-orders/${order['id'] as string}`;
  await harness.ok(supervisor, 'POST', `${orders}/assign`, {
    assignee: { kind: 'crew', id: 'crew-roads-1' },
  });
  const crew = await harness.cookie('li.gong');
  await harness.ok(crew, 'POST', `${orders}/start`, {});
  await harness.ok(crew, 'POST', `${orders}/complete`, { notes: '坑槽已修补', labourHours: 3.5 });
  await harness.ok(supervisor, 'POST', `${orders}/verify`, { rating: 'excellent' });
}, 600_000);

afterAll(() => harness.stop(), 120_000);

describe('asset import and scorecards in a browser', () => {
  it('lets an asset manager check a CSV file (nothing written), then import its good rows', async () => {
    const manager = await harness.cookie('wang.zichan');
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await harness.signIn(page, 'wang.zichan');
    await page.waitForURL(/\/campus$/);
    await page.getByRole('link', { name: '批量导入' }).click();
    await page.waitForURL(/\/assets\/import$/);
    // The current inventory is offered as the template.
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe(
      '/api/asset-inventory/assets/export.csv',
    );

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'roads.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await shows(page.getByTestId('import-chosen'), 'roads.csv');

    // The check: every row judged, nothing written.
    await page.getByRole('button', { name: '先检查（不写入）' }).click();
    await shows(page.getByTestId('import-outcome'), '检查结果：未写入任何数据');
    expect(await page.getByTestId('import-count-rows').textContent()).toMatch(/数据行\s*3$/);
    expect(await page.getByTestId('import-count-created').textContent()).toMatch(/将新建\s*2$/);
    expect(await page.getByTestId('import-count-refused').textContent()).toMatch(/未通过\s*1$/);
    const errors = page.getByTestId('import-errors');
    // Row, code, column, value, reason.
    expect(await rowCells(errors, BAD)).toEqual(['3', BAD, '长度（米）', '一百', 'is not a number']);
    const results = page.getByTestId('import-results');
    expect(await rowCells(results, GOOD[0])).toEqual(['2', GOOD[0], '将新建']);
    expect(await rowCells(results, GOOD[1])).toEqual(['4', GOOD[1], '将新建']);
    await shot(page, 'import-dry-run.png');
    for (const code of [...GOOD, BAD])
      expect((await harness.api(manager, 'GET', `/api/asset-inventory/assets/${code}`)).status).toBe(404);

    // The import: the two good rows created, the bad one reported the same way.
    await page.getByRole('button', { name: /^导\s?入$/ }).click();
    await shows(page.getByTestId('import-outcome'), '导入完成');
    expect(await page.getByTestId('import-count-created').textContent()).toMatch(/新建\s*2$/);
    expect(await page.getByTestId('import-count-refused').textContent()).toMatch(/未通过\s*1$/);
    expect(await rowCells(page.getByTestId('import-errors'), BAD)).toEqual([
      '3',
      BAD,
      '长度（米）',
      '一百',
      'is not a number',
    ]);
    expect(await rowCells(page.getByTestId('import-results'), GOOD[1])).toEqual(['4', GOOD[1], '新建']);
    await shot(page, 'import-done.png');
    const east = await harness.api(manager, 'GET', `/api/asset-inventory/assets/${GOOD[0]}`);
    expect(east).toMatchObject({
      status: 200,
      body: { code: GOOD[0], name: '南院东侧道路', road: { lengthM: 120, widthM: 7 } },
    });
    const west = await harness.api(manager, 'GET', `/api/asset-inventory/assets/${GOOD[1]}`);
    expect(west).toMatchObject({ status: 200, body: { name: '南院西侧道路', road: { lengthM: 80 } } });
    expect((await harness.api(manager, 'GET', `/api/asset-inventory/assets/${BAD}`)).status).toBe(404);

    // A file of another kind is refused before anything is sent.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'roads.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await shows(page.getByTestId('import-file-problem'), '只能导入 .csv 或 .xlsx 文件');
    expect(await page.getByRole('button', { name: /^导\s?入$/ }).isDisabled()).toBe(true);
    await page.close();
  });

  it('shows a crew member where the order’s asset is, and keeps what they typed when the session ends', async () => {
    const supervisor = await harness.cookie('zhang.zhuguan');
    const order = await harness.ok(supervisor, 'POST', '/api/work-orders/work-orders', {
      title: '南院东侧道路裂缝灌缝',
      assetId: GOOD[0],
      priority: 'P3',
      taskType: 'pothole-patch',
      standardHours: 2,
    });
    const path = `/api/work-orders/work-orders/${order['id'] as string}`;
    await harness.ok(supervisor, 'POST', `${path}/assign`, {
      assignee: { kind: 'crew', id: 'crew-roads-1' },
    });
    await harness.ok(await harness.cookie('li.gong'), 'POST', `${path}/start`, {});

    const { context, page } = await harness.phone();
    await page.goto(`${harness.url}/orders/${order['id'] as string}`);
    await harness.signIn(page, 'li.gong');
    // The imported road on the south compound's plan, ringed.
    await shows(page.getByTestId('asset-on-plan'), '位置');
    await page.getByTestId('asset-on-plan').getByTestId('asset-marker').waitFor();
    expect(await page.getByTestId('asset-on-plan').getByTestId(`asset-${GOOD[0]}`).count()).toBe(1);
    await shot(page, 'crew-asset-on-plan.png');

    // Notes typed, then the session ends before they are sent: sign in again, and they are there.
    await page.getByLabel('处理说明').fill('裂缝已清理，待灌缝');
    await context.clearCookies();
    await page
      .getByRole('button', { name: /完\s?工/ })
      .last()
      .click();
    await page.waitForURL(/\/sign-in$/);
    await harness.signIn(page, 'li.gong');
    await page.waitForURL(new RegExp(`/orders/${order['id'] as string}$`));
    await page.getByLabel('处理说明').waitFor();
    expect(await page.getByLabel('处理说明').inputValue()).toBe('裂缝已清理，待灌缝');
    await context.close();
  });

  it('keeps a crew member out of the import, and shows them only their crew’s scorecard', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await harness.signIn(page, 'li.gong');
    await page.waitForURL(/\/my-orders$/);
    expect(await page.getByRole('link', { name: '批量导入' }).count()).toBe(0);
    await page.goto(`${harness.url}/assets/import`);
    await page.getByText('您没有权限查看此页面').waitFor({ timeout: 20_000 });
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await shot(page, 'import-forbidden.png');
    // Nor may the page's request be made by hand: asset-inventory refuses it.
    const crew = await harness.cookie('li.gong');
    const upload = await fetch(`${harness.url}/api/asset-inventory/assets/import?dryRun=true`, {
      method: 'POST',
      headers: { cookie: crew, 'x-requested-with': 'buqi-console', 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(upload.status).toBe(403);

    await page.getByRole('link', { name: '月度考核' }).click();
    await page.waitForURL(/\/scorecards$/);
    const kinds = page.getByTestId('scorecards-kind');
    await shows(kinds, '班组');
    expect(await kinds.textContent()).not.toContain('部门');
    expect(await rowCells(page.getByTestId('scorecards-table'), '道路一班')).toContain('1');
    await page.close();
  });

  it('shows a supervisor this month’s scorecards, by crew and by department, with names', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await harness.signIn(page, 'zhang.zhuguan');
    await page.waitForURL(/\/queue$/);
    await page.getByRole('link', { name: '月度考核' }).click();
    await page.waitForURL(/\/scorecards$/);
    const month = new Intl.DateTimeFormat('zh-CN', {
      year: 'numeric',
      month: 'long',
      timeZone: 'Asia/Shanghai',
    }).format(new Date());
    await shows(page.getByTestId('scorecards-period'), month);
    await shows(page.getByTestId('scorecards-month'), month);
    const table = page.getByTestId('scorecards-table');
    const headers = (await table.locator('thead th').allTextContents()).join('|');
    for (const header of [
      '班组',
      '完成工单',
      '定额工时',
      '实际工时',
      '按时完成率',
      '平均评级',
      '良好',
      '优秀',
      '卓越',
      '极致',
      '返工率',
    ])
      expect(headers).toContain(header);
    // Name, closed, standard hours, hours logged, on time, average, 良好 优秀 卓越 极致, reopened.
    expect(await rowCells(table, '道路一班')).toEqual([
      '道路一班',
      '1',
      '4.00',
      '3.50',
      '100.0%',
      '2.00',
      '0',
      '1',
      '0',
      '0',
      '0.0%',
    ]);
    await page.getByTestId('scorecards-chart').waitFor({ timeout: 20_000 });
    await shot(page, 'scorecards-crews.png');

    await page.getByTestId('scorecards-kind').getByText('部门').click();
    expect((await rowCells(table, '综合处')).slice(0, 2)).toEqual(['综合处', '1']);
    await shot(page, 'scorecards-departments.png');
    await page.close();
  });
});

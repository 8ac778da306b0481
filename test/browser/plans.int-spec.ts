import { AssetStateV1, ShortfallDetectedV2 } from '@buqi/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor, waitForGroupAtEnd } from '@buqi/testing';
import { ConsoleUnderTest, shot, shows } from './browser-kit';

// The investment plan in a real browser against the console and budget-allocation: an asset manager
// weighs budget levels on the what-if, proposes this year's plan (keeping what they typed across an
// ended session), finance and the department head sign it, and it is approved and funded.
const harness = new ConsoleUnderTest('plans');
const year = new Date().getFullYear();
const roads = ['NY-RD-041', 'NY-RD-042', 'NY-RD-043'];
let finance: string;

beforeAll(async () => {
  await harness.start(['budget-allocation']);
  await harness.accounts([
    { id: 'wang.zichan', name: '王资产', roles: ['asset-manager'] },
    { id: 'qian.caiwu', name: '钱财务', roles: ['finance'] },
    { id: 'sun.chuzhang', name: '孙处长', roles: ['department-head'], department: 'general-affairs' },
    { id: 'li.gong', name: '李工', roles: ['crew-member'], crew: 'crew-roads-1' },
  ]);
  finance = await harness.cookie('qian.caiwu');
  const quota = {
    taskType: 'pothole-patch',
    name: '沥青路面坑槽修补',
    unit: 'm2',
    standardHoursPerUnit: 0.5,
    labourFenPerUnit: 6_000,
    materialsFenPerUnit: 9_500,
    quality: { checklist: ['切割成规则形状'], acceptance: [] },
    effectiveFrom: `${year}-01-01`,
    reason: `${year} 定额`,
  };
  expect((await harness.api(finance, 'POST', '/api/budget-allocation/quotas', quota)).status).toBe(201);
  // ¥50,000 maintenance and ¥150,000 capital: 20万 a year, where the slider starts.
  const budget = {
    fiscalYear: year,
    envelopes: { maintenance: 5_000_000, capital: 15_000_000, 'emergency-reserve': 1_000_000 },
    reason: `${year} 年度预算`,
  };
  expect((await harness.api(finance, 'POST', '/api/budget-allocation/budgets', budget)).status).toBe(201);
  // The roads, then their shortfalls, as asset-inventory publishes them: budget-allocation has taken
  // in every road before the first shortfall arrives (they are on different topics, whose order
  // Kafka does not keep between them).
  for (const assetId of roads)
    await harness.publish(
      AssetStateV1,
      { ...AssetStateV1.example, assetId, size: { areaM2: 840, lengthM: 120 } },
      'asset-inventory',
    );
  const kafka = new Kafka({ brokers: harness.engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitForGroupAtEnd(
      admin,
      `${harness.prefix}budget-allocation`,
      harness.prefix + AssetStateV1.topic,
      {
        atLeast: roads.length,
      },
    );
  } finally {
    await admin.disconnect();
  }
  for (const [i, assetId] of roads.entries())
    await harness.publish(
      ShortfallDetectedV2,
      {
        ...ShortfallDetectedV2.example,
        shortfallId: `${assetId}-below-quality-standard-1`,
        assetId,
        action: 'medium-repair',
        damage: { quantity: 42.5, unit: 'm2' },
        conditionIndex: 50 + i * 8,
        detectedAt: new Date().toISOString(),
        openedAt: new Date().toISOString(),
      },
      'asset-inventory',
    );
  await waitFor(
    'three candidates awaiting a plan',
    async () => {
      const page = await harness.api(finance, 'GET', '/api/budget-allocation/candidates?status=open');
      const items = (page.body['items'] ?? []) as { funding?: { status: string } }[];
      return items.filter((c) => c.funding?.status === 'deferred').length === roads.length;
    },
    { timeoutMs: 120_000 },
  );
}, 400_000);

afterAll(() => harness.stop());

describe('the investment plan in a browser', () => {
  let planUrl: string;

  it('tells a crew member the plans are not theirs to see', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${harness.url}/plans`);
    await harness.signIn(page, 'li.gong');
    await page.waitForURL(/\/plans$/);
    await shows(page.locator('.ant-result'), '您没有权限查看此页面');
    await page.close();
  });

  it('lets an asset manager weigh a budget level and propose the year’s plan, keeping what they typed when the session ends', async () => {
    const context = await harness.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(`${harness.url}/plans`);
    await harness.signIn(page, 'wang.zichan');
    await page.waitForURL(/\/plans$/);
    // The what-if at this year's budget against nothing spent; one step up the slider adds a level.
    await page.getByTestId('what-if-chart').locator('canvas').first().waitFor();
    await shows(page.locator('.ant-table-row').first(), '¥200,000.00');
    await page.getByRole('slider').focus();
    await page.keyboard.press('ArrowRight');
    await shows(page.locator('.ant-table-row'), '¥200,000.00 → ¥250,000.00');
    await shot(page, 'plans-what-if.png');

    // More than the maintenance envelope has: refused beside the field before anything is sent.
    const maintenance = page.getByLabel(/运维经费/);
    await maintenance.fill('60000');
    await page.getByRole('button', { name: '求解并提交审批' }).click();
    await shows(page.locator('.ant-form-item-explain-error'), '超过可用额度');
    await page.getByRole('button', { name: '按此水平编制本年度计划' }).click();
    expect(await maintenance.inputValue()).toMatch(/^50,?000$/);
    await page.getByLabel('编制理由').fill('南院道路坑槽集中修补');

    // The session ends while the form is filled in: sign in again, and the reason is still there.
    await context.clearCookies();
    await page.getByRole('button', { name: '求解并提交审批' }).click();
    await page.waitForURL(/\/sign-in$/);
    await harness.signIn(page, 'wang.zichan');
    await page.waitForURL(/\/plans$/);
    expect(await page.getByLabel('编制理由').inputValue()).toBe('南院道路坑槽集中修补');

    await page.getByRole('button', { name: '求解并提交审批' }).click();
    await page.waitForURL(/\/plans\/plan-/);
    planUrl = page.url();
    await shows(page.getByTestId('plan-status'), '待审批', 60_000);
    await shows(page.locator('.ant-card'), '计划项目（3 项）');
    await shot(page, 'plans-proposed.png');
    await context.close();
  }, 120_000);

  it('is signed by finance, then the department head, and is approved and funded', async () => {
    for (const [signer, step] of [
      ['qian.caiwu', '财务审核'],
      ['sun.chuzhang', '部门负责人'],
    ] as const) {
      const page = await harness.browser.newPage({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 1000 },
      });
      await page.goto(planUrl);
      await harness.signIn(page, signer);
      await page.waitForURL(planUrl);
      await shows(page.locator('.ant-card'), `轮到您审批：${step}`);
      await page.getByLabel('意见').fill('同意');
      await page.getByRole('button', { name: /同\s?意/ }).click();
      await shows(page.locator('.ant-steps'), signer === 'qian.caiwu' ? '钱财务' : '孙处长');
      if (signer === 'sun.chuzhang') {
        await shows(page.getByTestId('plan-status'), '已批准', 60_000);
        await shot(page, 'plans-approved.png');
      }
      await page.close();
    }
    // Funded: each item's candidate carries the plan's funding.
    const id = planUrl.split('/').at(-1) as string;
    const plan = await harness.api(finance, 'GET', `/api/budget-allocation/plans/${id}`);
    expect(plan.body['status']).toBe('approved');
    expect((plan.body['approvals'] as unknown[]).length).toBe(2);
    const candidates = await harness.api(finance, 'GET', '/api/budget-allocation/candidates?status=open');
    const funded = (
      (candidates.body['items'] ?? []) as { id: string; funding?: { status: string } }[]
    ).filter((c) => c.funding?.status === 'funded');
    expect(funded.map((c) => c.id).sort()).toEqual(roads.map((r) => `${r}-below-quality-standard-1`));
  }, 120_000);

  it('shows finance the year’s commitments month by month, the plan’s among them', async () => {
    const page = await harness.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    await page.goto(`${harness.url}/finance`);
    await harness.signIn(page, 'qian.caiwu');
    await page.getByTestId('finance-chart').locator('canvas').first().waitFor();
    // One commitment per funded item, each ¥6,587.50 (42.5 m² at ¥155 per m²), none spent yet.
    const rows = page.locator('.ant-card').filter({ hasText: '年内累计' }).locator('.ant-table-row');
    await shows(rows, '¥6,587.50');
    expect(await rows.count()).toBe(roads.length);
    await shot(page, 'finance-over-time.png');
    await page.close();
  });
});

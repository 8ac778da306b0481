import type { Admin, Producer } from 'kafkajs';
import ExcelJS from 'exceljs';
import {
  encodeEvent,
  RemediationFundedV1,
  ServiceQuotaV1,
  type DataOf,
  type EventContract,
} from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { waitForGroupAtEnd } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { monthOf } from './domain/month';

// Contractor settlement through the whole service on the real engines: quotas seeded on
// standards.service-quota.v1, orders funded on remediation.funded.v1 and moved through the HTTP API
// for two contractors, statements compared with figures worked out by hand.

let service: ServiceUnderTest;
let producer: Producer;
let admin: Admin;
const token: Record<string, string> = {};

beforeAll(async () => {
  service = await startServiceApp('settlement');
  const people = {
    supervisor: { roles: ['supervisor'], department: 'general-affairs' },
    contractorA: { roles: ['contractor'], contractor: 'ctr-a' },
    contractorB: { roles: ['contractor'], contractor: 'ctr-b' },
    finance: { roles: ['finance'] },
    crew: { roles: ['crew-member'], crew: 'crew-roads-1' },
  };
  for (const [who, claims] of Object.entries(people))
    token[who] = await service.issuer.token({ sub: `u-${who}`, ...claims });
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

async function publish<C extends EventContract>(contract: C, items: DataOf<C>[]): Promise<void> {
  const topic = service.prefix + contract.topic;
  for (const data of items) {
    const event = createEvent(contract, data, {
      source: 'budget-allocation',
      actor: { kind: 'system', id: 'test' },
    });
    await producer.send({
      topic,
      messages: [{ key: contract.key(data), value: encodeEvent(contract, event) }],
    });
  }
  await waitForGroupAtEnd(admin, `${service.prefix}work-orders`, topic);
}

const call = (method: string, path: string, who: string, body?: unknown, headers?: Record<string, string>) =>
  service.call(method, path, {
    token: token[who],
    ...(body !== undefined && { body }),
    ...(headers && { headers }),
  });

const POTHOLE = ['切割成规则形状', '清除松散材料并涂刷粘层油', '分层压实，边缘无缝隙'];
const FIXTURE = ['出水正常', '无渗漏'];
const quota = (fields: Partial<DataOf<typeof ServiceQuotaV1>>): DataOf<typeof ServiceQuotaV1> => ({
  ...ServiceQuotaV1.example,
  quality: { checklist: POTHOLE, acceptance: [] },
  ...fields,
});
const QUOTAS = [
  // pothole-patch 1: 6 000 + 9 500 = 15 500 fen per m2
  quota({
    version: 1,
    labourFenPerUnit: 6_000,
    materialsFenPerUnit: 9_500,
    effectiveFrom: '2026-01-01',
    publishedAt: '2025-12-15T08:00:00.000Z',
  }),
  // pothole-patch 2: 6 600 + 9 900 = 16 500 fen per m2
  quota({
    version: 2,
    labourFenPerUnit: 6_600,
    materialsFenPerUnit: 9_900,
    effectiveFrom: '2026-07-01',
    publishedAt: '2026-06-15T08:00:00.000Z',
  }),
  // Version 1 again, closed by version 2: replaces the first publication.
  quota({
    version: 1,
    labourFenPerUnit: 6_000,
    materialsFenPerUnit: 9_500,
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-07-01',
    publishedAt: '2026-06-15T08:00:00.000Z',
  }),
  // An older publication of version 1 arriving late: changes nothing.
  quota({
    version: 1,
    labourFenPerUnit: 1,
    materialsFenPerUnit: 1,
    effectiveFrom: '2026-01-01',
    publishedAt: '2025-12-01T08:00:00.000Z',
  }),
  // fixture-replacement 1: 12 000 + 23 450 = 35 450 fen per unit
  quota({
    taskType: 'fixture-replacement',
    version: 1,
    name: '卫生洁具更换',
    unit: 'unit',
    standardHoursPerUnit: 2,
    labourFenPerUnit: 12_000,
    materialsFenPerUnit: 23_450,
    quality: { checklist: FIXTURE, acceptance: [] },
    effectiveFrom: '2026-01-01',
    publishedAt: '2025-12-15T08:00:00.000Z',
  }),
];

const funded = (
  name: string,
  taskType: string,
  quotaVersion: number,
  quantity: number,
  unit: string,
): DataOf<typeof RemediationFundedV1> => ({
  ...RemediationFundedV1.example,
  remediationId: `rem-${name}`,
  shortfallId: `sf-${name}`,
  assetId: 'NY-RD-012',
  department: 'general-affairs',
  priority: 'P3',
  taskType,
  quotaVersion,
  quantity,
  unit,
  standardHours: 4,
});

type Round = { failed?: string[] };

/**
 * Assign to a contractor, then each round: start and complete (the checklist, with the round's
 * failed items); every round but the last is rejected; the last is verified, rejected or left.
 */
async function deliver(
  id: string,
  contractor: 'A' | 'B',
  checklist: string[],
  rounds: Round[],
  end: 'verify' | 'reject' | 'leave' = 'verify',
): Promise<void> {
  const doer = `contractor${contractor}`;
  const ok = async (p: Promise<{ status: number; body: unknown }>, what: string) => {
    const r = await p;
    if (r.status !== 200) throw new Error(`${what} ${id}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const reject = () =>
    ok(call('POST', `/work-orders/${id}/reject`, 'supervisor', { reason: '验收不合格，返工' }), 'reject');
  await ok(
    call('POST', `/work-orders/${id}/assign`, 'supervisor', {
      assignee: { kind: 'contractor', id: `ctr-${contractor.toLowerCase()}` },
    }),
    'assign',
  );
  for (const [n, round] of rounds.entries()) {
    await ok(call('POST', `/work-orders/${id}/start`, doer, {}), 'start');
    await ok(
      call('POST', `/work-orders/${id}/complete`, doer, {
        notes: '按定额完成',
        labourHours: 3,
        checklist: checklist.map((item) => ({ item, passed: !(round.failed ?? []).includes(item) })),
      }),
      'complete',
    );
    if (n < rounds.length - 1) await reject();
  }
  if (end === 'verify')
    await ok(call('POST', `/work-orders/${id}/verify`, 'supervisor', { rating: 'excellent' }), 'verify');
  if (end === 'reject') await reject();
}

type Statement = {
  id: string;
  status: string;
  version: number;
  totals: Record<string, number>;
  lines: {
    orderId: string;
    amountFen: number;
    deductionFen: number;
    netFen: number;
    deductions: { kind: string; fen: number }[];
  }[];
  unpriced: { orderId: string; reason: string }[];
};

describe('contractor settlement', () => {
  let month: string;

  it('keeps every quota version from the topic, a later publication replacing an earlier one', async () => {
    await publish(ServiceQuotaV1, QUOTAS);
    const pothole = await call('GET', '/standards/quotas/pothole-patch', 'crew');
    expect(pothole.status).toBe(200);
    expect(pothole.body).toMatchObject({
      taskType: 'pothole-patch',
      inForceToday: 2,
      versions: [
        {
          version: 1,
          unitPriceFen: 15_500,
          effectiveTo: '2026-07-01',
          publishedAt: '2026-06-15T08:00:00.000Z',
        },
        { version: 2, unitPriceFen: 16_500, quality: { checklist: POTHOLE } },
      ],
    });
    const all = await call('GET', '/standards/quotas', 'contractorA');
    expect((all.body['items'] as { taskType: string }[]).map((q) => q.taskType)).toEqual([
      'fixture-replacement',
      'pothole-patch',
    ]);
    expect((await call('GET', '/standards/quotas/resurfacing', 'crew')).status).toBe(404);
  });

  it('lets finance change the deduction rules, as data, and nobody else', async () => {
    const before = await call('GET', '/settlement-rules', 'finance');
    expect(before.body).toMatchObject({
      rejectionBp: 500,
      failedChecklistItemBp: 200,
      orderCapBp: 3000,
      version: 0,
      isDefault: true,
    });
    const rules = {
      rejectionBp: 1_000,
      failedChecklistItemBp: 250,
      orderCapBp: 2_000,
      unreportedItemsFail: false,
      reason: '2026年度合同约定的扣减比例',
    };
    expect((await call('PUT', '/settlement-rules', 'supervisor', rules)).status).toBe(403);
    expect((await call('GET', '/settlement-rules', 'contractorA')).status).toBe(403);
    const bad = await call('PUT', '/settlement-rules', 'finance', {
      rejectionBp: 10_001,
      orderCapBp: -1,
      extra: 1,
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body['errors'] as { field: string }[]).map((e) => e.field).join(' ');
    for (const f of [
      'rejectionBp',
      'failedChecklistItemBp',
      'orderCapBp',
      'unreportedItemsFail',
      'reason',
      'extra',
    ])
      expect(fields).toContain(f);
    const changed = await call('PUT', '/settlement-rules', 'finance', rules, { 'if-match': '"0"' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rejectionBp: 1_000, version: 1, isDefault: false });
    expect((await call('PUT', '/settlement-rules', 'finance', rules, { 'if-match': '"0"' })).status).toBe(
      409,
    );
  });

  it('gives each contractor a statement equal, to the fen, to the figures worked out by hand', async () => {
    await publish(RemediationFundedV1, [
      funded('A1', 'pothole-patch', 1, 42.5, 'm2'),
      funded('A2', 'pothole-patch', 2, 12.35, 'm2'),
      funded('A3', 'fixture-replacement', 1, 3, 'unit'),
      funded('A5', 'pothole-patch', 1, 10, 'm2'),
      funded('B1', 'pothole-patch', 2, 7.3, 'm2'),
      funded('B2', 'fixture-replacement', 1, 1, 'unit'),
      funded('B3', 'pothole-patch', 3, 5, 'm2'),
      funded('B4', 'pothole-patch', 2, 2, 'm2'),
    ]);
    const byHand = await call('POST', '/work-orders', 'supervisor', {
      title: '门锁更换',
      assetId: 'NY-RR-003',
      priority: 'P3',
      taskType: 'fixture-replacement',
      standardHours: 1,
    });
    expect(byHand.status).toBe(201);
    const a4 = byHand.body['id'] as string;
    month = monthOf(new Date());

    // Contractor A
    await deliver('wo-rem-A1', 'A', POTHOLE, [{}]);
    await deliver('wo-rem-A2', 'A', POTHOLE, [{ failed: [POTHOLE[0]] }, { failed: [POTHOLE[2]] }]);
    await deliver('wo-rem-A3', 'A', FIXTURE, [{}, {}, { failed: [FIXTURE[1]] }]);
    await deliver(a4, 'A', FIXTURE, [{}]);
    await deliver('wo-rem-A5', 'A', POTHOLE, [{}], 'leave'); // completed, never verified
    // Contractor B
    await deliver('wo-rem-B1', 'B', POTHOLE, [{}]);
    await deliver('wo-rem-B2', 'B', FIXTURE, [{ failed: FIXTURE }, {}]);
    await deliver('wo-rem-B3', 'B', POTHOLE, [{}]);
    await deliver('wo-rem-B4', 'B', POTHOLE, [{}, {}], 'reject'); // rejected twice, reopened, not verified
    // Every verification fell in one month of Asia/Shanghai (run again if this ran across midnight at a month's end).
    expect(monthOf(new Date())).toBe(month);

    const a = await call('POST', '/settlements', 'finance', { contractorId: 'ctr-a', month });
    expect(a.status).toBe(201);
    const sa = a.body as unknown as Statement;
    // Rules: 10 % per rejection, 2.5 % per failed item, at most 20 % of an order's price.
    // A1: 42.5 m2 × 15 500 = 658 750; no deductions.
    // A2: 12.35 m2 × 16 500 = 203 775; 1 rejection 10 % = 20 377.5 → 20 378; 1 item failed at the
    //     verification 2.5 % = 5 094.375 → 5 094; 25 472 (cap 20 % = 40 755 not reached); net 178 303.
    // A3: 3 × 35 450 = 106 350; 2 rejections 20 % = 21 270; 1 item 2.5 % = 2 658.75 → 2 659;
    //     23 929 over the cap 20 % = 21 270: 21 270 deducted (−2 659 given back); net 85 080.
    // A4: opened by hand, no quota version: unpriced. A5: not verified: not on the statement.
    expect(sa.lines.map((l) => [l.orderId, l.amountFen, l.deductionFen, l.netFen])).toEqual([
      ['wo-rem-A1', 658_750, 0, 658_750],
      ['wo-rem-A2', 203_775, 25_472, 178_303],
      ['wo-rem-A3', 106_350, 21_270, 85_080],
    ]);
    expect(sa.lines[2].deductions.map((d) => [d.kind, d.fen])).toEqual([
      ['rejections', 21_270],
      ['failed-checks', 2_659],
      ['cap', -2_659],
    ]);
    expect(sa.unpriced).toEqual([
      expect.objectContaining({ orderId: a4, reason: expect.stringContaining('no quota version') }),
    ]);
    // gross 658 750 + 203 775 + 106 350 = 968 875; deductions 25 472 + 21 270 = 46 742;
    // net 968 875 − 46 742 = 922 133.
    expect(sa.totals).toEqual({
      pricedOrders: 3,
      unpricedOrders: 1,
      grossFen: 968_875,
      deductionFen: 46_742,
      netFen: 922_133,
    });
    expect(sa).toMatchObject({ status: 'draft', version: 1 });

    const b = await call('POST', '/settlements', 'finance', { contractorId: 'ctr-b', month });
    expect(b.status).toBe(201);
    const sb = b.body as unknown as Statement;
    // B1: 7.3 m2 × 16 500 = 120 450; no deductions.
    // B2: 1 × 35 450; 1 rejection 10 % = 3 545 (the items failed at the rejected completion are not
    //     counted again); net 31 905.
    // B3: quota pothole-patch:3 was never published: unpriced. B4: reopened, not verified: absent.
    expect(sb.lines.map((l) => [l.orderId, l.amountFen, l.deductionFen, l.netFen])).toEqual([
      ['wo-rem-B1', 120_450, 0, 120_450],
      ['wo-rem-B2', 35_450, 3_545, 31_905],
    ]);
    expect(sb.unpriced).toEqual([
      expect.objectContaining({
        orderId: 'wo-rem-B3',
        reason: expect.stringContaining('pothole-patch:3 is not in the catalogue'),
      }),
    ]);
    // gross 120 450 + 35 450 = 155 900; deductions 3 545; net 152 355.
    expect(sb.totals).toEqual({
      pricedOrders: 2,
      unpricedOrders: 1,
      grossFen: 155_900,
      deductionFen: 3_545,
      netFen: 152_355,
    });
  });

  it('lets a contractor read its own statements only, and only finance compute them', async () => {
    const idA = `st-${month}-ctr-a`;
    expect((await call('GET', `/settlements/${idA}`, 'contractorA')).status).toBe(200);
    expect((await call('GET', `/settlements/${idA}`, 'contractorB')).status).toBe(403);
    const own = await call('GET', '/settlements', 'contractorB');
    expect((own.body['items'] as { contractorId: string }[]).map((s) => s.contractorId)).toEqual(['ctr-b']);
    expect((await call('GET', '/settlements', 'finance')).body['total']).toBe(2);
    expect((await call('POST', '/settlements', 'supervisor', { contractorId: 'ctr-a', month })).status).toBe(
      403,
    );
    expect((await call('GET', `/settlements/${idA}`, 'supervisor')).status).toBe(403);
    expect((await call('GET', `/settlements/${idA}/export.xlsx`, 'contractorA')).status).toBe(403);
    const bad = await call('POST', '/settlements', 'finance', {
      contractorId: '$where',
      month: '2026-13',
      extra: true,
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body['errors'] as { field: string }[]).map((e) => e.field).join(' ');
    for (const f of ['contractorId', 'month', 'extra']) expect(fields).toContain(f);
  });

  it('recomputes a draft, approves it once, then keeps it fixed, and exports it to Excel', async () => {
    const idA = `st-${month}-ctr-a`;
    const again = await call('POST', '/settlements', 'finance', { contractorId: 'ctr-a', month });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 2, totals: { netFen: 922_133 } });
    expect(
      (await call('POST', `/settlements/${idA}/approval`, 'finance', undefined, { 'if-match': '"1"' }))
        .status,
    ).toBe(409);
    expect((await call('POST', `/settlements/${idA}/approval`, 'contractorA')).status).toBe(403);
    const approved = await call('POST', `/settlements/${idA}/approval`, 'finance', undefined, {
      'if-match': '"2"',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: 'u-finance',
      totals: { netFen: 922_133 },
    });
    const twice = await call('POST', `/settlements/${idA}/approval`, 'finance');
    expect(twice.status).toBe(409);
    expect(twice.body['code']).toBe('settlement-approved');
    expect((await call('POST', '/settlements', 'finance', { contractorId: 'ctr-a', month })).status).toBe(
      409,
    );

    const res = await fetch(`${service.url}/settlements/${idA}/export.xlsx`, {
      headers: { authorization: `Bearer ${token['finance']}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '结算汇总',
      '结算明细',
      '扣减明细',
      '未计价工单',
    ]);
    const summary = Object.fromEntries(
      workbook.worksheets[0]
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    expect(summary).toMatchObject({
      '应付金额（元）': 9_688.75,
      '扣减金额（元）': 467.42,
      '实付金额（元）': 9_221.33,
      状态: '已审核',
    });
    expect(workbook.worksheets[1].actualRowCount).toBe(4);
    expect(workbook.worksheets[2].actualRowCount).toBe(6); // A2: 2, A3: 3, and the headers
    expect(workbook.worksheets[3].actualRowCount).toBe(2);
  });
});

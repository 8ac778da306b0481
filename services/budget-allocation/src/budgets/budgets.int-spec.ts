import { BudgetThresholdCrossedV1, decodeEvent, TOPICS, type EnvelopeOf } from '@buqi/contracts';
import ExcelJS from 'exceljs';
import { readTopic } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// Budgets through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let finance: string;
let manager: string;
let crew: string;

const YUAN = 100;
const open = (body: Record<string, unknown>) => service.call('POST', '/budgets', { token: finance, body });
const commit = (year: number, body: Record<string, unknown>, token = finance) =>
  service.call('POST', `/budgets/${year}/commitments`, { token, body });
const position = async (year: number) =>
  (await service.call('GET', `/budgets/${year}`, { token: manager })).body as {
    envelopes: Record<string, { limitFen: number; committedFen: number; availableFen: number }>;
    departmentCaps: Record<string, { limitFen: number; committedFen: number; availableFen: number }>;
    zoneCaps: Record<string, { committedFen: number; availableFen: number }>;
    commitments: { id: string }[];
    thresholds: Record<string, Record<string, string>>;
    version: number;
  };

beforeAll(async () => {
  service = await startServiceApp('budgets');
  finance = await service.issuer.token({ sub: 'u-qian', roles: ['finance'] });
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  crew = await service.issuer.token({ sub: 'u-zhao', roles: ['crew-member'] });
});

afterAll(() => service?.close());

describe('budgets', () => {
  it('opens a fiscal year for finance only, refusing bad money by field', async () => {
    const year = {
      fiscalYear: 2027,
      envelopes: { maintenance: 10_000_000 * YUAN, 'emergency-reserve': 500_000 * YUAN },
      departmentCaps: { 'general-affairs': 3_000_000 * YUAN },
      zoneCaps: { 'NY-A': 2_000_000 * YUAN },
      reason: '2027 年度预算批复',
    };
    expect((await service.call('POST', '/budgets', { token: manager, body: year })).status).toBe(403);
    const opened = await open(year);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      fiscalYear: 2027,
      envelopes: {
        maintenance: { limitFen: 1_000_000_000, committedFen: 0, availableFen: 1_000_000_000, actualFen: 0 },
        capital: { limitFen: 0, availableFen: 0 },
      },
      departmentCaps: { 'general-affairs': { limitFen: 300_000_000, availableFen: 300_000_000 } },
      version: 1,
    });
    expect((await open(year)).status).toBe(409);
    expect((await service.call('GET', '/budgets/2027', { token: crew })).status).toBe(403);

    for (const [field, value] of [
      ['maintenance', -1],
      ['maintenance', 10.5],
      ['maintenance', 2 ** 60],
    ] as const) {
      const bad = await open({ ...year, fiscalYear: 2028, envelopes: { [field]: value } });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body['errors'])).toContain('envelopes.maintenance');
    }
    const unknown = await open({ ...year, fiscalYear: 2028, envelopes: { travel: 1 } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('travel');
    expect((await service.call('GET', '/budgets/2028', { token: manager })).status).toBe(404);
  });

  it('lets exactly as many of 50 concurrent commitments through as a cap holds, the rest 409', async () => {
    // The department cap holds 7 commitments of 100,000 yuan: the envelope and the zone hold more.
    expect(
      (
        await open({
          fiscalYear: 2030,
          envelopes: { maintenance: 10_000_000 * YUAN },
          departmentCaps: { 'general-affairs': 700_000 * YUAN + 99 },
          reason: 'concurrency',
        })
      ).status,
    ).toBe(201);
    const amountFen = 100_000 * YUAN;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        commit(2030, {
          id: `rem-${i}`,
          envelope: 'maintenance',
          amountFen,
          department: 'general-affairs',
          zoneId: 'NY-A',
          reason: 'pothole patch',
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(7);
    expect(statuses.filter((s) => s === 409)).toHaveLength(43);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body).toMatchObject({ code: 'insufficient-budget' });
    expect(refused?.body['detail']).toContain('departmentCaps.general-affairs has 99 fen available');
    const after = await position(2030);
    expect(after.envelopes['maintenance']).toMatchObject({ committedFen: 7 * amountFen });
    expect(after.departmentCaps['general-affairs']).toMatchObject({
      committedFen: 7 * amountFen,
      availableFen: 99,
    });
    expect(after.commitments).toHaveLength(7);
  });

  it('lets exactly as many through as an envelope holds', async () => {
    expect(
      (
        await open({
          fiscalYear: 2031,
          envelopes: { 'emergency-reserve': 5 * 80_000 },
          reason: 'concurrency',
        })
      ).status,
    ).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        commit(2031, {
          id: `safety-${i}`,
          envelope: 'emergency-reserve',
          amountFen: 80_000,
          department: 'security',
          reason: 'broken railing',
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(45);
    expect((await position(2031)).envelopes['emergency-reserve']).toMatchObject({
      committedFen: 400_000,
      availableFen: 0,
    });
    // 80 % was reached by the 4th and 100 % by the 5th: each announced once, however they raced.
    await service.outboxDrained();
    const alerts = (
      await readTopic(service.kafka, service.prefix + TOPICS.budgetThresholdCrossed, { atLeast: 2 })
    )
      .map(
        (m) =>
          (decodeEvent(BudgetThresholdCrossedV1, m.value) as EnvelopeOf<typeof BudgetThresholdCrossedV1>)
            .data,
      )
      .filter((a) => a.fiscalYear === 2031);
    expect(alerts.map((a) => [a.envelope, a.thresholdPct]).sort()).toEqual([
      ['emergency-reserve', 100],
      ['emergency-reserve', 80],
    ]);
    expect(alerts.find((a) => a.thresholdPct === 80)?.committedFen).toBeGreaterThanOrEqual(320_000);
    expect(Object.keys((await position(2031)).thresholds['emergency-reserve'] ?? {}).sort()).toEqual([
      '100',
      '80',
    ]);
  });

  it('commits an id once, refuses it with other terms, and releases it once', async () => {
    const body = {
      id: 'rem-NY-RD-012-1',
      envelope: 'maintenance',
      amountFen: 12_500 * YUAN,
      department: 'general-affairs',
      zoneId: 'NY-A',
      reason: 'resurfacing 南院主干道',
    };
    expect((await commit(2027, body, manager)).status).toBe(403);
    expect((await commit(2027, body)).status).toBe(201);
    expect((await commit(2027, body)).status).toBe(200);
    const other = await commit(2027, { ...body, amountFen: 1 });
    expect(other).toMatchObject({ status: 409, body: { code: 'commitment-exists' } });
    const held = await position(2027);
    expect(held.envelopes['maintenance'].committedFen).toBe(1_250_000);
    expect(held.zoneCaps['NY-A']).toMatchObject({ committedFen: 1_250_000 });
    expect((await commit(2027, { ...body, id: 'zero', amountFen: 0 })).status).toBe(400);
    expect((await commit(2027, { ...body, id: 'rem-NY-RR-003-1' }, finance)).status).toBe(201);
    expect((await service.call('POST', '/budgets/2099/commitments', { token: finance, body })).status).toBe(
      404,
    );

    const released = await service.call('DELETE', '/budgets/2027/commitments/rem-NY-RD-012-1', {
      token: finance,
    });
    expect(released.status).toBe(200);
    expect((await position(2027)).envelopes['maintenance'].committedFen).toBe(1_250_000);
    const again = await service.call('DELETE', '/budgets/2027/commitments/rem-NY-RD-012-1', {
      token: finance,
    });
    expect(again.status).toBe(404);
  });

  it('never revises a limit below what is committed, and wants the version read', async () => {
    const { version } = await position(2027);
    const below = { zoneCaps: { 'NY-A': 1_000_000 }, reason: 'cut' };
    expect((await service.call('PUT', '/budgets/2027/limits', { token: finance, body: below })).status).toBe(
      428,
    );
    const refused = await service.call('PUT', '/budgets/2027/limits', {
      token: finance,
      body: below,
      headers: { 'if-match': `"${version}"` },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'limit-below-commitments' } });
    const raised = await service.call('PUT', '/budgets/2027/limits', {
      token: finance,
      body: {
        envelopes: { capital: 5_000_000 * YUAN },
        departmentCaps: { security: 1_000 },
        reason: '追加资本预算',
      },
      headers: { 'if-match': `"${version}"` },
    });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({
      envelopes: { capital: { limitFen: 500_000_000 }, maintenance: { committedFen: 1_250_000 } },
      departmentCaps: { security: { limitFen: 1_000, availableFen: 1_000 } },
    });
    const stale = await service.call('PUT', '/budgets/2027/limits', {
      token: finance,
      body: { envelopes: { capital: 1 }, reason: 'stale' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(stale.status).toBe(409);
  });

  it('exports a year’s position to Excel for finance, in yuan', async () => {
    const res = await fetch(`${service.url}/budgets/2027/export.xlsx`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2027年度预算', '限额', '预算承诺', '实际支出']);
    const maintenance = workbook.worksheets[0].getRow(2).values as unknown[];
    // 维修养护: 10,000,000 yuan, 12,500 yuan committed (rem-NY-RR-003-1).
    expect(maintenance.slice(1, 5)).toEqual(['维修养护', 'maintenance', 10_000_000, 12_500]);
    expect(workbook.worksheets[2].actualRowCount).toBe(2);
    const none = await fetch(`${service.url}/budgets/2099/export.xlsx`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(none.status).toBe(404);
    const crewAsks = await fetch(`${service.url}/budgets/2027/export.xlsx`, {
      headers: { authorization: `Bearer ${crew}` },
    });
    expect(crewAsks.status).toBe(403);
  });
});

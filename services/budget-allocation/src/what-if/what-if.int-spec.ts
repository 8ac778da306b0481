import type { Admin, Producer } from 'kafkajs';
import {
  AssetStateV1,
  encodeEvent,
  ShortfallDetectedV2,
  type DataOf,
  type EventContract,
} from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { waitForGroupAtEnd } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// The multi-year what-if through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let finance: string;
let manager: string;
let supervisor: string;
let crew: string;
let producer: Producer;
let admin: Admin;

beforeAll(async () => {
  service = await startServiceApp('what-if');
  finance = await service.issuer.token({ sub: 'u-qian', roles: ['finance'] });
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  supervisor = await service.issuer.token({ sub: 'u-li', roles: ['supervisor'] });
  crew = await service.issuer.token({ sub: 'u-zhao', roles: ['crew-member'] });
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

async function publish<C extends EventContract>(contract: C, data: DataOf<C>): Promise<void> {
  const event = createEvent(contract, data, {
    source: 'asset-inventory',
    actor: { kind: 'system', id: 'test' },
  });
  const topic = service.prefix + contract.topic;
  await producer.send({
    topic,
    messages: [{ key: contract.key(data), value: encodeEvent(contract, event) }],
  });
  await waitForGroupAtEnd(admin, `${service.prefix}budget-allocation`, topic);
}

async function quota(taskType: string, unit: string, labourFenPerUnit: number, materialsFenPerUnit: number) {
  const body = {
    taskType,
    name: taskType,
    unit,
    standardHoursPerUnit: 0.5,
    labourFenPerUnit,
    materialsFenPerUnit,
    quality: { checklist: ['验收合格'], acceptance: [] },
    effectiveFrom: '2026-01-01',
    reason: '2026 定额',
  };
  expect((await service.call('POST', '/quotas', { token: finance, body })).status).toBe(201);
}

const shortfall = (
  over: Partial<DataOf<typeof ShortfallDetectedV2>>,
): DataOf<typeof ShortfallDetectedV2> => ({
  ...ShortfallDetectedV2.example,
  detectedAt: '2026-11-02T09:15:00.000Z',
  openedAt: '2026-11-02T09:15:00.000Z',
  ...over,
});
const roads = [
  { assetId: 'NY-RD-021', areaM2: 600, conditionIndex: 66, damageM2: 40 },
  { assetId: 'NY-RD-022', areaM2: 900, conditionIndex: 58, damageM2: 60 },
  { assetId: 'NY-RD-023', areaM2: 1200, conditionIndex: 48, damageM2: 90 },
];

interface Year {
  fiscalYear: number;
  funded: { id: string; option: string; costFen: number }[];
  fundedCount: number;
  spendFen: number;
  backlogCount: number;
  backlogRisk: number;
}
interface Answer {
  firstYear: number;
  years: number;
  candidates: number;
  split: { source: string; maintenancePercent: number; capitalPercent: number };
  start: { items: number; backlogRisk: number };
  levels: { budgetFen: number; envelopesFen: Record<string, number>; fundedCount: number; years: Year[] }[];
  series: { x: number[]; labels: string[]; backlogRisk: { budgetFen: number; values: number[] }[] };
  marginal: { fromFen: number; toFen: number; backlogRiskReduced: number }[];
}
const whatIf = (body: unknown, token = finance) => service.call('POST', '/what-if', { token, body });

describe('multi-year what-if', () => {
  it('projects the candidates no rule funded at each level: more money funds more, none funds nothing', async () => {
    // 2026: maintenance 100万 and capital 300万 yuan: levels split 25/75 by default.
    const year = {
      fiscalYear: 2026,
      envelopes: { maintenance: 100_000_000, capital: 300_000_000 },
      reason: '2026 年度预算',
    };
    expect((await service.call('POST', '/budgets', { token: finance, body: year })).status).toBe(201);
    await quota('pothole-patch', 'm2', 6_000, 9_500);
    await quota('resurfacing', 'm2', 4_000, 8_000);
    await quota('fixture-replacement', 'fixtures', 12_000, 45_000);
    for (const r of roads) {
      await publish(AssetStateV1, {
        ...AssetStateV1.example,
        assetId: r.assetId,
        size: { areaM2: r.areaM2 },
      });
      // Patch 155 yuan/m² (above the small-repair limit: it awaits the plan) or resurface 120 yuan/m².
      await publish(
        ShortfallDetectedV2,
        shortfall({
          shortfallId: `${r.assetId}-below-quality-standard-1`,
          assetId: r.assetId,
          conditionIndex: r.conditionIndex,
          action: 'medium-repair',
          severity: 'moderate',
          damage: { quantity: r.damageM2, unit: 'm2' },
        }),
      );
    }
    // A small repair the funding rules fund at once: not in the what-if.
    const fixtures = shortfall({
      shortfallId: 'NY-RR-031-below-quality-standard-1',
      assetId: 'NY-RR-031',
      assetClass: 'restroom',
      conditionIndex: 60,
      damage: { quantity: 2, unit: 'fixtures' },
    });
    delete (fixtures as Partial<typeof fixtures>).action;
    await publish(ShortfallDetectedV2, fixtures);
    // A silent device with no repair quota: deferred as not costed, in the backlog without a cost.
    const device = shortfall({
      shortfallId: 'NY-DV-031-device-offline-1',
      assetId: 'NY-DV-031',
      assetClass: 'monitoring-device',
      kind: 'device-offline',
      rules: ['offline'],
      severity: 'major',
    });
    delete (device as Partial<typeof device>).damage;
    delete (device as Partial<typeof device>).conditionIndex;
    delete (device as Partial<typeof device>).action;
    await publish(ShortfallDetectedV2, device);
    const restroom = (
      await service.call('GET', '/candidates/NY-RR-031-below-quality-standard-1', { token: finance })
    ).body;
    expect(restroom['funding']).toMatchObject({ status: 'funded' });

    const answer = await whatIf({ levelsFen: [0, 40_000_000], years: 5, fiscalYear: 2026 });
    expect(answer.status).toBe(200);
    const p = answer.body as unknown as Answer;
    expect(p).toMatchObject({ firstYear: 2026, years: 5, candidates: 4, start: { items: 4 } });
    expect(p.split).toEqual({ source: 'budget-year', maintenancePercent: 25, capitalPercent: 75 });
    expect(p.levels.map((l) => [l.budgetFen, l.envelopesFen])).toEqual([
      [0, { maintenance: 0, capital: 0 }],
      [40_000_000, { maintenance: 10_000_000, capital: 30_000_000 }],
    ]);
    expect(
      p.levels.every((l) => l.years.map((y) => y.fiscalYear).join() === '2026,2027,2028,2029,2030'),
    ).toBe(true);
    expect(p.series.x).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p.series.labels).toEqual(['now', '2026', '2027', '2028', '2029', '2030']);
    expect(p.series.backlogRisk.map((l) => [l.budgetFen, l.values.length])).toEqual([
      [0, 6],
      [40_000_000, 6],
    ]);
    expect(p.marginal).toEqual([
      expect.objectContaining({ fromFen: 0, toFen: 40_000_000, backlogRiskReduced: expect.any(Number) }),
    ]);
    expect(p.marginal[0].backlogRiskReduced).toBeGreaterThan(0);

    const [none, more] = p.levels;
    // A 0 level funds nothing; the backlog's risk rises every year as its assets decay.
    expect(none.fundedCount).toBe(0);
    expect(none.years.every((y) => y.fundedCount === 0 && y.spendFen === 0 && y.backlogCount === 4)).toBe(
      true,
    );
    const risks = p.series.backlogRisk[0].values;
    for (let k = 1; k < risks.length; k++) expect(risks[k]).toBeGreaterThan(risks[k - 1]);
    // The higher level funds at least as much, within its budget each year, and only what awaits the plan.
    expect(more.fundedCount).toBeGreaterThanOrEqual(none.fundedCount);
    expect(more.fundedCount).toBeGreaterThanOrEqual(1);
    expect(more.years.every((y) => y.spendFen <= 40_000_000)).toBe(true);
    const funded = more.years.flatMap((y) => y.funded.map((f) => f.id));
    expect(new Set(funded).size).toBe(funded.length);
    expect(funded.every((id) => id.startsWith('NY-RD-02'))).toBe(true);
    expect(more.years[4].backlogRisk).toBeLessThan(none.years[4].backlogRisk);

    // Defaults: 5 years from the current year; a level split as asked.
    const defaults = await whatIf({ levelsFen: [10_000_000], capitalSharePercent: 40 }, manager);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({
      firstYear: new Date().getUTCFullYear(),
      years: 5,
      split: { source: 'request', maintenancePercent: 60, capitalPercent: 40 },
      levels: [{ envelopesFen: { maintenance: 6_000_000, capital: 4_000_000 } }],
    });
  });

  it('refuses bad levels and years naming the field, and callers who do not plan', async () => {
    for (const [body, field, value] of [
      [{ levelsFen: [-1] }, 'levelsFen[0]', -1],
      [{ levelsFen: [1_000, 10.5] }, 'levelsFen[1]', 10.5],
      [{ levelsFen: [2 ** 60] }, 'levelsFen[0]', 2 ** 60],
      [{ levelsFen: Array.from({ length: 11 }, (_, i) => i * 1_000) }, 'levelsFen', undefined],
      [{ levelsFen: [1_000], years: 0 }, 'years', 0],
      [{ levelsFen: [1_000], years: 21 }, 'years', 21],
    ] as const) {
      const bad = await whatIf(body);
      expect(bad.status).toBe(400);
      const errors = bad.body['errors'] as { field: string; value?: unknown }[];
      expect(errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, ...(value !== undefined && { value }) })]),
      );
    }
    expect((await whatIf({ levelsFen: [1_000, 1_000] })).status).toBe(400);

    const curves = await service.call('GET', '/what-if/curves', { token: manager });
    expect(curves.status).toBe(200);
    expect((curves.body['curves'] as { assetClass: string }[]).map((c) => c.assetClass)).toEqual([
      'road-segment',
      'restroom',
      'monitoring-device',
    ]);
    for (const token of [crew, supervisor]) {
      expect((await whatIf({ levelsFen: [1_000] }, token)).status).toBe(403);
      expect((await service.call('GET', '/what-if/curves', { token })).status).toBe(403);
    }
    const docs = (await service.call('GET', '/docs-json')).body['paths'] as Record<
      string,
      Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>
    >;
    expect(docs['/what-if/curves']['get'].responses).toHaveProperty('200');
    expect(docs['/what-if']['post'].requestBody).toBeDefined();
    expect(Object.keys(docs['/what-if']['post'].responses)).toEqual(
      expect.arrayContaining(['200', '400', '422', '429']),
    );
  });
});

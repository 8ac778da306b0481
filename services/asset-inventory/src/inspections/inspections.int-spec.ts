import { AssetStateV1, TOPICS, decodeEvent, type EnvelopeOf } from '@buqi/contracts';
import { readTopic, waitFor } from '@buqi/testing';
import { AssetRepository } from '../assets/persistence/asset.repository';
import { seedCampus } from '../test-fixtures/campus';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { LastCalibration } from './use-cases/last-calibration/last-calibration.query';
import { ConditionSignal } from './use-cases/record-inspection/condition-signal';

// The inspections slice through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let manager: string;
let crew: string;
let supervisor: string;
let finance: string;
let admin: string;
let told: jest.SpyInstance<ReturnType<ConditionSignal['send']>, Parameters<ConditionSignal['send']>>;

const DAY_MS = 86_400_000;
/** The newest of NY-RD-004's three inspections, the others one and two years (365 days) before it. */
const NEWEST = new Date(Date.now() - 10 * DAY_MS);
const core = {
  zone: 'A',
  location: { x: 120, y: 80 },
  criticality: 4,
  installedOn: '2009-06-01',
  expectedLifeYears: 15,
  replacementCostFen: 50_400_000,
  department: 'general-affairs',
};
// 100 m × 10 m = 1000 m² of arterial asphalt, CJJ 36 by default; dust limit 5 g/m² (main carriageway).
const arterial = { lengthM: 100, widthM: 10, pavement: 'asphalt', roadClass: 'arterial' };
const roads = {
  'NY-RD-001': { name: '南院主干道（东段）', road: arterial },
  'NY-RD-002': { name: '北门公路段', road: { ...arterial, widthM: 7, conditionMethod: 'jtg5210' } },
  'NY-RD-003': { name: '花园步道', road: { ...arterial, pavement: 'block-paving', roadClass: 'branch' } },
  'NY-RD-004': { name: '南院环路', road: arterial },
  'NY-RD-005': { name: '西侧辅路', road: arterial },
};
const restroomBody = {
  code: 'NY-RR-001',
  name: '人大办公楼三层男卫',
  ...core,
  building: 'B01',
  restroom: {
    floor: 3,
    fixtures: [
      { kind: 'squat-toilet', count: 6 },
      { kind: 'urinal', count: 4 },
      { kind: 'washbasin', count: 3 },
      { kind: 'hand-dryer', count: 2 },
    ],
    accessible: true,
    dailyFootfall: 300,
    restroomClass: 'class-2',
  },
};
const restroomSheet = {
  fixtures: [
    { kind: 'squat-toilet', working: 5 },
    { kind: 'urinal', working: 4 },
    { kind: 'washbasin', working: 2 },
    { kind: 'hand-dryer', working: 1 },
  ],
  odour: { nh3Ppm: 2, h2sPpm: 0.005 },
  cleanliness: { itemsPassed: 18, itemsChecked: 20 },
  leaks: { found: 2, active: 1 },
  ventilation: { working: true, airChangesPerHour: 8 },
};

const inspect = (code: string, body: unknown, token = crew) =>
  service.call('POST', `/assets/${code}/inspections`, { token, body });
const asset = async (code: string) => (await service.call('GET', `/assets/${code}`, { token: crew })).body;
const pothole = (quantity: number, inspectedAt: Date) => ({
  inspectedAt: inspectedAt.toISOString(),
  pavement: { distresses: [{ type: 'pothole', quantity }] },
});
const fieldsOf = (body: Record<string, unknown>) =>
  (body['errors'] as { field: string }[]).map((e) => e.field);

/** The asset.state.v1 event of an asset at a version, once the relay has published it. */
function stateEvent(code: string, version: number): Promise<EnvelopeOf<typeof AssetStateV1>> {
  return waitFor(`asset.state.v1 of ${code} at version ${version}`, async () => {
    const messages = await readTopic(service.kafka, service.prefix + TOPICS.assetState);
    return messages
      .map((m) => decodeEvent(AssetStateV1, m.value as Buffer) as EnvelopeOf<typeof AssetStateV1>)
      .find((e) => e.data.assetId === code && e.data.version === version);
  });
}

const signalsFor = (inspectionId: string) =>
  told.mock.calls.map(([s]) => s).filter((s) => s.source === `inspection ${inspectionId}`);

beforeAll(async () => {
  service = await startServiceApp('inspections');
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  crew = await service.issuer.token({ sub: 'u-zhao', name: '赵工', roles: ['crew-member'] });
  supervisor = await service.issuer.token({ sub: 'u-qian', roles: ['supervisor'] });
  finance = await service.issuer.token({ sub: 'u-sun', roles: ['finance'] });
  admin = await service.issuer.token({ sub: 'u-zhou', roles: ['admin'] });
  told = jest.spyOn(service.app.get(ConditionSignal), 'send');
  await seedCampus(service, manager);
  for (const [code, road] of Object.entries(roads)) {
    const created = await service.call('POST', '/road-segments', {
      token: manager,
      body: { code, ...core, ...road },
    });
    expect(created.status).toBe(201);
  }
  expect((await service.call('POST', '/restrooms', { token: manager, body: restroomBody })).status).toBe(201);
});

afterAll(() => service?.close());

describe('inspections', () => {
  it('reads a road’s sheet under CJJ 36, updates the asset, publishes its state and tells the shortfall rules', async () => {
    // docs/cjj36.md on the segment's 1000 m²: 线裂 30 m + 20 m = 50 m × 0.2 m = 10 m² → 1 % → deduct 8
    // (裂缝类); 坑槽 1 m² → 0.1 % → 15 (松散类). Each class alone keeps its deduct; across the classes
    // u = 8/23 → w = 3u³ − 5.5u² + 3.5u = 0.678228 → 5.425824, u = 15/23 → w = 0.775458 → 11.631873;
    // total 17.057697 → PCI 82.942 → 82.9; an arterial's B is 70 – < 85 → minor-repair. Damaged 11 m².
    // Dust 3.2 + 4.5 + 8.1 g on 3.5 m² = 4.514 g/m² against the segment's 5 g/m².
    const answer = await inspect('NY-RD-001', {
      notes: '东段巡查',
      photos: ['photos/ny-rd-001/0301-1.jpg'],
      pavement: {
        distresses: [
          { type: 'linear-crack', quantity: 30 },
          { type: 'pothole', quantity: 1 },
          { type: 'linear-crack', quantity: 20 },
        ],
      },
      dust: {
        samples: [
          { dustGrams: 3.2, areaM2: 1 },
          { dustGrams: 4.5, areaM2: 1 },
          { dustGrams: 8.1, areaM2: 1.5 },
        ],
      },
    });
    expect(answer.status).toBe(201);
    const id = answer.body['id'] as string;
    expect(id).toMatch(/^insp-[0-9a-f]{16}$/);
    expect(answer.headers.get('location')).toBe(`/assets/NY-RD-001/inspections/${id}`);
    expect(answer.body).toMatchObject({
      assetId: 'NY-RD-001',
      inspector: { id: 'u-zhao', name: '赵工' },
      condition: {
        index: 82.9,
        grade: 'B',
        action: 'minor-repair',
        method: 'cjj36',
        factors: { areaM2: 1000, totalDeduct: expect.closeTo(17.057697, 5) },
      },
      damage: { quantity: 11, unit: 'm2' },
      dust: { standardGPerM2: 5, passes: true, loadGPerM2: expect.closeTo(4.514286, 5) },
      becameLatest: true,
      assetVersion: 2,
    });
    const inspectedAt = answer.body['inspectedAt'] as string;

    expect(await asset('NY-RD-001')).toMatchObject({
      version: 2,
      condition: {
        index: 82.9,
        grade: 'B',
        action: 'minor-repair',
        method: 'cjj36',
        assessedAt: inspectedAt,
      },
    });
    const state = await stateEvent('NY-RD-001', 2);
    expect(state.data.condition).toEqual({
      index: 82.9,
      grade: 'B',
      action: 'minor-repair',
      assessedAt: inspectedAt,
    });
    expect(state.actor).toMatchObject({ id: 'u-zhao' });

    expect(signalsFor(id)).toEqual([
      expect.objectContaining({
        asset: expect.objectContaining({ code: 'NY-RD-001', version: 2 }),
        index: 82.9,
        grade: 'B',
        action: 'minor-repair',
        damage: { quantity: 11, unit: 'm2' },
        dustLoad: { loadGPerM2: expect.closeTo(4.514286, 5), standardGPerM2: 5 },
        at: new Date(inspectedAt),
      }),
    ]);

    const audit = await service.call('GET', `/admin/audit?resourceType=inspection&resourceId=${id}`, {
      token: admin,
    });
    expect(audit.body['items']).toEqual([
      expect.objectContaining({
        action: 'inspection.record',
        actor: expect.objectContaining({ id: 'u-zhao' }),
      }),
    ]);
  });

  it('scores a restroom with its class’s thresholds and records its hygiene beside it', async () => {
    // fixtures 32/38 = 84.2105 (weights 3, 3, 2, 1; totals as registered); class 2 NH3 limit 1 mg/m³ =
    // 1.435617 ppm, 2 ppm on the log ramp to 14.35617 → 85.6009; H2S under its limit → 100;
    // cleanliness 90, leaks 30, ventilation 80: 0.3 × 84.2105 + 0.25 × 85.6009 + 18 + 4.5 + 8 = 77.2
    const answer = await inspect(
      'NY-RR-001',
      { restroom: { ...restroomSheet, hygiene: { nh3MgM3: 0.8, odourGrade: 2, adultFlies: 4 } } },
      supervisor,
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      condition: { index: 77.2, method: 'restroom-condition', factors: { odour: { governedBy: 'nh3' } } },
      hygiene: { restroomClass: 'class-2', passes: false, failing: ['adultFlies'] },
      damage: { quantity: 3, unit: 'fixtures' },
      becameLatest: true,
      assetVersion: 2,
    });
    const inspectedAt = answer.body['inspectedAt'] as string;
    expect(await asset('NY-RR-001')).toMatchObject({
      version: 2,
      condition: { index: 77.2, method: 'restroom-condition', assessedAt: inspectedAt },
    });
    expect((await stateEvent('NY-RR-001', 2)).data.condition).toEqual({
      index: 77.2,
      assessedAt: inspectedAt,
    });
    expect(signalsFor(answer.body['id'] as string)).toEqual([
      expect.objectContaining({ index: 77.2, damage: { quantity: 3, unit: 'fixtures' } }),
    ]);
  });

  it('reads a JTG 5210 segment’s sheet under JTG 5210', async () => {
    // docs/jtg5210.md on 100 m × 7 m = 700 m²: Σ wᵢAᵢ = 27.8 m², DR = 3.971429 %,
    // PCI = 100 − 15 × DR^0.412 = 73.5 → 中 → minor-repair; damaged 10 + 7 + 4 + 10 + 0.5 + 12 = 43.5 m²
    const answer = await inspect('NY-RD-002', {
      pavement: {
        distresses: [
          { type: 'alligator-cracking', severity: 'medium', quantity: 10 },
          { type: 'transverse-cracking', severity: 'low', quantity: 35 },
          { type: 'longitudinal-cracking', severity: 'high', quantity: 20 },
          { type: 'rutting', severity: 'high', quantity: 25 },
          { type: 'pothole', severity: 'low', quantity: 0.5 },
          { type: 'patching', quantity: 12 },
        ],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      condition: {
        index: 73.5,
        grade: '中',
        action: 'minor-repair',
        method: 'jtg5210',
        factors: { areaM2: 700, dr: expect.closeTo(3.971429, 5) },
      },
      damage: { quantity: 43.5, unit: 'm2' },
    });
    const cjjType = await inspect('NY-RD-002', {
      pavement: { distresses: [{ type: 'linear-crack', quantity: 5 }] },
    });
    expect(cjjType.status).toBe(422);
    expect(fieldsOf(cjjType.body)).toEqual(['pavement.distresses[0].type']);
  });

  it('refuses a bad sheet with a 422 naming the field, and writes nothing', async () => {
    const refusals: [string, unknown, string][] = [
      [
        'NY-RD-001',
        { pavement: { distresses: [{ type: 'pothole', severity: 'high', quantity: 1 }] } },
        'pavement.distresses[0].severity',
      ],
      [
        'NY-RD-001',
        { pavement: { distresses: [{ type: 'potholes', quantity: 1 }] } },
        'pavement.distresses[0].type',
      ],
      ['NY-RD-001', { pavement: { areaM2: 1200, distresses: [] } }, 'pavement.areaM2'],
      [
        'NY-RD-001',
        { pavement: { distresses: [{ type: 'rutting', quantity: 1000.5 }] } },
        'pavement.distresses[0].quantity',
      ],
      ['NY-RD-001', { dust: { samples: [{ dustGrams: -1, areaM2: 1 }] } }, 'dust.samples[0].dustGrams'],
      ['NY-RD-001', { restroom: restroomSheet }, 'restroom'],
      ['NY-RD-001', { notes: 'nothing recorded' }, 'pavement'],
      ['NY-RD-001', { ...pothole(1, new Date(Date.now() + 3_600_000)) }, 'inspectedAt'],
      [
        'NY-RR-001',
        { restroom: { ...restroomSheet, fixtures: [{ kind: 'urinal', working: 5 }] } },
        'restroom.fixtures[0].working',
      ],
      [
        'NY-RR-001',
        { restroom: { ...restroomSheet, fixtures: [{ kind: 'seat-toilet', working: 1 }] } },
        'restroom.fixtures[0].kind',
      ],
    ];
    for (const [code, body, field] of refusals) {
      const answer = await inspect(code, body);
      expect({ body, status: answer.status, fields: fieldsOf(answer.body) }).toEqual({
        body,
        status: 422,
        fields: [field],
      });
    }
    const malformed = await inspect('NY-RD-001', {
      pavement: { distresses: [{ type: 'pothole', quantity: '1' }] },
    });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['pavement.distresses[0].quantity']);
    expect((await inspect('NY-RD-999', pothole(1, new Date()))).status).toBe(404);

    expect(await asset('NY-RD-001')).toMatchObject({ version: 2, condition: { index: 82.9 } });
    expect(await asset('NY-RR-001')).toMatchObject({ version: 2 });
    const history = await service.call('GET', '/assets/NY-RD-001/inspections', { token: crew });
    expect(history.body).toMatchObject({ total: 1 });
  });

  it('takes block paving’s dust load, but not its pavement', async () => {
    const pavement = await inspect('NY-RD-003', { pavement: { distresses: [] } });
    expect(pavement.status).toBe(422);
    expect(pavement.body['errors']).toEqual([
      expect.objectContaining({ field: 'pavement', reason: expect.stringContaining('block paving') }),
    ]);
    // A branch road's carriageway is an "other" one: 8 g/m²
    const dust = await inspect('NY-RD-003', { dust: { samples: [{ dustGrams: 9.5, areaM2: 1 }] } });
    expect(dust.status).toBe(201);
    expect(dust.body).toMatchObject({
      dust: { loadGPerM2: 9.5, standardGPerM2: 8, passes: false },
      becameLatest: false,
    });
    expect(dust.body['condition']).toBeUndefined();
    const road = await asset('NY-RD-003');
    expect(road).toMatchObject({ version: 1 });
    expect(road['condition']).toBeUndefined();
    // The road was never scored: its dust load alone goes to the rules.
    expect(signalsFor(dust.body['id'] as string)).toEqual([
      expect.objectContaining({ dustLoad: { loadGPerM2: 9.5, standardGPerM2: 8 } }),
    ]);
    expect(signalsFor(dust.body['id'] as string)[0]).not.toHaveProperty('index');

    // A road with an assessed condition: the dust goes to the rules beside that condition.
    const dusty = await inspect('NY-RD-001', { dust: { samples: [{ dustGrams: 7.5, areaM2: 1 }] } });
    expect(dusty.status).toBe(201);
    const dustId = dusty.body['id'] as string;
    expect(
      told.mock.calls.map(([s]) => s).filter((s) => s.source.endsWith(`dust inspection ${dustId}`)),
    ).toEqual([
      expect.objectContaining({
        index: 82.9,
        grade: 'B',
        damage: { quantity: 11, unit: 'm2' },
        dustLoad: { loadGPerM2: 7.5, standardGPerM2: 5 },
      }),
    ]);
    expect(await asset('NY-RD-001')).toMatchObject({ version: 2, condition: { index: 82.9 } });
  });

  it('records a device’s calibration, and no inspection of a retired asset', async () => {
    const device = {
      code: 'NY-DV-001',
      name: '三层男卫氨气传感器',
      ...core,
      building: 'B01',
      device: {
        kind: 'nh3-sensor',
        watches: { assetId: 'NY-RR-001' },
        reportingIntervalSeconds: 300,
        power: 'mains',
        link: 'wired',
      },
    };
    expect((await service.call('POST', '/monitoring-devices', { token: manager, body: device })).status).toBe(
      201,
    );
    const condition = await inspect('NY-DV-001', { restroom: restroomSheet });
    expect(condition.status).toBe(422);
    expect(fieldsOf(condition.body)).toEqual(['restroom']);
    const calibrated = await inspect('NY-DV-001', { calibration: { certificate: 'JJG-2026-0113' } });
    expect(calibrated.status).toBe(201);
    expect(calibrated.body).toMatchObject({
      calibration: { certificate: 'JJG-2026-0113' },
      becameLatest: false,
    });
    expect(await service.app.get(LastCalibration).of('NY-DV-001')).toEqual({
      at: new Date(calibrated.body['inspectedAt'] as string),
      inspectionId: calibrated.body['id'],
      certificate: 'JJG-2026-0113',
    });
    // The calibration reaches other services on asset.state.v1: what calibration-age plans count from.
    expect(await asset('NY-DV-001')).toMatchObject({
      version: 2,
      lastCalibratedAt: calibrated.body['inspectedAt'],
    });
    expect((await stateEvent('NY-DV-001', 2)).data.lastCalibratedAt).toBe(calibrated.body['inspectedAt']);
    const older = await inspect('NY-DV-001', {
      calibration: { certificate: 'JJG-2025-0999' },
      inspectedAt: new Date(Date.parse(calibrated.body['inspectedAt'] as string) - 86_400_000).toISOString(),
    });
    expect(older.status).toBe(201);
    expect(await asset('NY-DV-001')).toMatchObject({ version: 2 });

    const { code: _code, ...description } = device;
    const retire = await service.call('PUT', '/monitoring-devices/NY-DV-001', {
      token: manager,
      body: { ...description, status: 'retired' },
      headers: { 'if-match': '"2"' },
    });
    expect(retire.status).toBe(200);
    const retired = await inspect('NY-DV-001', { calibration: {} });
    expect(retired.status).toBe(409);
    expect(retired.body['code']).toBe('asset-retired');
  });

  it('lets crews, supervisors and asset managers inspect, not finance', async () => {
    const refused = await inspect('NY-RD-001', pothole(1, new Date()), finance);
    expect(refused.status).toBe(403);
    expect(
      (await service.call('POST', '/assets/NY-RD-001/inspections', { body: pothole(1, new Date()) })).status,
    ).toBe(401);
    expect((await service.call('GET', '/assets/NY-RD-001/inspections', { token: finance })).status).toBe(200);
    const docs = await service.call('GET', '/docs-json');
    expect(Object.keys(docs.body['paths'] as object)).toEqual(
      expect.arrayContaining([
        '/assets/{code}/inspections',
        '/assets/{code}/inspections/{id}',
        '/assets/{code}/condition',
      ]),
    );
  });

  it('keeps an older inspection in the history without replacing the latest condition', async () => {
    // On 1000 m², one pothole alone: 10 m² = 1 % → 25 → PCI 75; 0.1 m² = 0.01 % → 10 → 90; 1 m² → 85.
    const latest = await inspect('NY-RD-004', pothole(10, NEWEST));
    expect(latest.body).toMatchObject({
      condition: { index: 75, grade: 'B' },
      becameLatest: true,
      assetVersion: 2,
    });
    const older = await inspect('NY-RD-004', pothole(0.1, new Date(NEWEST.getTime() - 730 * DAY_MS)));
    expect(older.status).toBe(201);
    expect(older.body).toMatchObject({
      condition: { index: 90, grade: 'A' },
      becameLatest: false,
      assetVersion: 2,
    });
    expect(await asset('NY-RD-004')).toMatchObject({
      version: 2,
      condition: { index: 75, grade: 'B', assessedAt: NEWEST.toISOString() },
    });
    expect(signalsFor(older.body['id'] as string)).toEqual([]);
  });

  it('lists the history newest first and fits its trend', async () => {
    const middle = await inspect('NY-RD-004', pothole(1, new Date(NEWEST.getTime() - 365 * DAY_MS)));
    expect(middle.body).toMatchObject({ condition: { index: 85 }, becameLatest: false });

    const page = await service.call('GET', '/assets/NY-RD-004/inspections', { token: crew });
    expect(page.body).toMatchObject({ total: 3, page: 1 });
    const items = page.body['items'] as { condition: { index: number; factors: { items: unknown[] } } }[];
    expect(items.map((i) => i.condition.index)).toEqual([75, 85, 90]);
    expect(items[0].condition.factors.items).toEqual([
      expect.objectContaining({ type: 'pothole', deduct: 25 }),
    ]);
    const second = await service.call('GET', '/assets/NY-RD-004/inspections?pageSize=2&page=2', {
      token: crew,
    });
    expect(
      (second.body['items'] as { condition: { index: number } }[]).map((i) => i.condition.index),
    ).toEqual([90]);
    const one = await service.call('GET', `/assets/NY-RD-004/inspections/${middle.body['id'] as string}`, {
      token: crew,
    });
    expect(one.body).toMatchObject({
      id: middle.body['id'],
      sheet: { pavement: { distresses: [{ quantity: 1 }] } },
    });

    // Years 0, 1, 2 with 90, 85, 75: x̄ = 1, ȳ = 83.333; Σ(x − x̄)(y − ȳ) = −6.667 − 8.333 = −15;
    // Σ(x − x̄)² = 2 → −7.5 points a year, beyond the ±2 of "stable": worsening.
    const condition = await service.call('GET', '/assets/NY-RD-004/condition', { token: finance });
    expect(condition.status).toBe(200);
    expect(condition.body).toMatchObject({
      assetId: 'NY-RD-004',
      latest: {
        index: 75,
        grade: 'B',
        action: 'minor-repair',
        method: 'cjj36',
        assessedAt: NEWEST.toISOString(),
      },
      series: [
        { index: 90, grade: 'A', method: 'cjj36' },
        { index: 85, grade: 'A', method: 'cjj36' },
        { index: 75, grade: 'B', method: 'cjj36' },
      ],
      trend: { points: 3, direction: 'worsening', method: 'cjj36', stableWithinPerYear: 2 },
    });
    expect((condition.body['trend'] as { perYear: number }).perYear).toBeCloseTo(-7.5, 9);

    // The last year alone: 85 → 75 is −10 a year.
    const lastYear = await service.call(
      'GET',
      `/assets/NY-RD-004/condition?from=${new Date(NEWEST.getTime() - 400 * DAY_MS).toISOString()}`,
      { token: crew },
    );
    expect(lastYear.body['trend']).toMatchObject({ points: 2, perYear: expect.closeTo(-10, 9) });
    const backwards = await service.call(
      'GET',
      `/assets/NY-RD-004/condition?from=${NEWEST.toISOString()}&to=${new Date(NEWEST.getTime() - DAY_MS).toISOString()}`,
      { token: crew },
    );
    expect(backwards.status).toBe(422);
    expect(fieldsOf(backwards.body)).toEqual(['from']);
  });

  it('does not fail when the asset is renamed between its read and the condition’s write', async () => {
    const repository = service.app.get(AssetRepository);
    const save = repository.save.bind(repository);
    const renamed = jest.spyOn(repository, 'save').mockImplementationOnce(async (...args) => {
      const { name: _name, ...description } = { ...core, ...roads['NY-RD-005'] };
      const rename = await service.call('PUT', '/road-segments/NY-RD-005', {
        token: manager,
        body: { ...description, name: '西侧辅路（改）' },
        headers: { 'if-match': '"1"' },
      });
      expect(rename.status).toBe(200);
      return save(...args);
    });
    try {
      const answer = await inspect('NY-RD-005', pothole(1, new Date()));
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ becameLatest: true, assetVersion: 3 });
      expect(renamed).toHaveBeenCalledTimes(3); // the stale write, the rename, the retried write
    } finally {
      renamed.mockRestore();
    }
    expect(await asset('NY-RD-005')).toMatchObject({
      name: '西侧辅路（改）',
      version: 3,
      condition: { index: 85 },
    });
    expect((await stateEvent('NY-RD-005', 3)).data).toMatchObject({
      name: '西侧辅路（改）',
      condition: { index: 85, grade: 'A' },
    });
  });
});

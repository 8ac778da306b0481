import {
  decodeEvent,
  DeviceTelemetryV1,
  encodeEvent,
  ShortfallDetectedV2,
  ShortfallResolvedV1,
  TOPICS,
  WorkOrderCompletedV1,
} from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { readTopic, waitForGroupAtEnd } from '@buqi/testing';
import type { Admin, Producer } from 'kafkajs';
import { deviceBody, register, restroomBody, roadBody, seedCampus } from '../test-fixtures/campus';
import { UntoldInspectionsProcessor } from '../inspections/jobs/untold-inspections.processor';
import { SweepDevices } from '../telemetry/use-cases/sweep-devices/sweep-devices.use-case';
import { SHORTFALL_SIGNALS, type ShortfallSignals } from './shortfall-signals';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// Shortfalls through the whole service, in process, on the real engines: the coverage rule, the
// loop closed by completed work orders, and what is published.
let service: ServiceUnderTest;
let manager: string;
let reader: string;
let producer: Producer;
let admin: Admin;

beforeAll(async () => {
  service = await startServiceApp('shortfalls');
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  reader = await service.issuer.token({ sub: 'u-li', roles: ['crew-member'] });
  await seedCampus(service, manager);
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

const group = () => `${service.prefix}asset-inventory`;

async function completeWorkOrder(
  workOrderId: string,
  assetId: string,
  times = 1,
  shortfallId?: string,
): Promise<void> {
  const event = createEvent(
    WorkOrderCompletedV1,
    {
      workOrderId,
      assetId,
      completedBy: 'crew-restrooms-1',
      actualCostFen: 120_000,
      labourHours: 3,
      completedAt: new Date().toISOString(),
      ...(shortfallId && { shortfallId }),
    },
    { source: 'work-orders', actor: { kind: 'user', id: 'crew-restrooms-1' } },
  );
  const topic = service.prefix + TOPICS.workOrderCompleted;
  const value = encodeEvent(WorkOrderCompletedV1, event);
  for (let n = 0; n < times; n++) await producer.send({ topic, messages: [{ key: workOrderId, value }] });
  await waitForGroupAtEnd(admin, group(), topic);
}

async function checkCoverage() {
  const answer = await service.call('POST', '/coverage-checks', { token: manager });
  // On failure, the whole answer shows why.
  expect(answer).toMatchObject({ status: 200 });
  return answer.body;
}

async function shortfallsOf(assetId: string) {
  const page = await service.call('GET', `/shortfalls?assetId=${assetId}&status=open`, { token: reader });
  expect(page.status).toBe(200);
  return page.body['items'] as Record<string, unknown>[];
}

async function published() {
  await service.outboxDrained();
  const decode = <T>(contract: Parameters<typeof decodeEvent>[0], topic: string) =>
    readTopic(service.kafka, service.prefix + topic).then((ms) =>
      ms.map((m) => decodeEvent(contract, m.value) as T),
    );
  return {
    detected: await decode<{
      data: { shortfallId: string; assetId: string; rules: string[]; severity: string };
    }>(ShortfallDetectedV2, TOPICS.shortfallDetectedV2),
    resolved: await decode<{ data: { shortfallId: string; resolution: string; workOrderId?: string } }>(
      ShortfallResolvedV1,
      TOPICS.shortfallResolved,
    ),
  };
}

describe('a restroom without an odour sensor', () => {
  it('is a coverage gap until a sensor watches it; work orders await verification, which can fail', async () => {
    await register(service, manager, 'restrooms', restroomBody('NY-RR-003'));
    expect(await checkCoverage()).toEqual({ restroomsChecked: 1, gaps: 1 });
    // The sweep again finds the same gap: the same shortfall, and nothing published twice.
    expect(await checkCoverage()).toEqual({ restroomsChecked: 1, gaps: 1 });
    const [gap] = await shortfallsOf('NY-RR-003');
    expect(gap).toMatchObject({
      id: 'NY-RR-003-coverage-gap-1',
      kind: 'coverage-gap',
      severity: 'major',
      department: 'general-affairs',
      findings: [{ rule: 'coverage:nh3-sensor' }],
    });
    expect((gap['evidence'] as string[])[0]).toContain(
      'restroom NY-RR-003 (人大办公楼三层男卫) has no nh3-sensor',
    );

    // A crew reports it fixed, twice over: one maintenance record, the shortfall awaits verification.
    await completeWorkOrder('wo-2026-000001', 'NY-RR-003', 2);
    const awaiting = await service.call('GET', '/shortfalls/NY-RR-003-coverage-gap-1', { token: reader });
    expect(awaiting.body).toMatchObject({ status: 'awaiting-verification', workOrderId: 'wo-2026-000001' });
    const history = await service.call('GET', '/assets/NY-RR-003/maintenance', { token: reader });
    expect(history.body).toMatchObject({
      total: 1,
      items: [
        {
          workOrderId: 'wo-2026-000001',
          completedBy: 'crew-restrooms-1',
          shortfallIds: ['NY-RR-003-coverage-gap-1'],
        },
      ],
    });

    // No sensor was installed: the next check finds the gap again and the repair did not hold.
    await checkCoverage();
    const reopened = await service.call('GET', '/shortfalls/NY-RR-003-coverage-gap-1', { token: reader });
    expect(reopened.body).toMatchObject({ status: 'open' });
    expect((reopened.body['history'] as { event: string }[]).map((h) => h.event)).toEqual([
      'opened',
      'remediated',
      'verification-failed',
    ]);

    // The second work order installs one: the check confirms it, the shortfall is repaired.
    await completeWorkOrder('wo-2026-000002', 'NY-RR-003');
    await register(service, manager, 'monitoring-devices', deviceBody('NY-DV-004', 'NY-RR-003'));
    expect(await checkCoverage()).toEqual({ restroomsChecked: 1, gaps: 0 });
    const repaired = await service.call('GET', '/shortfalls/NY-RR-003-coverage-gap-1', { token: reader });
    expect(repaired.body).toMatchObject({
      status: 'resolved',
      resolution: 'repaired',
      workOrderId: 'wo-2026-000002',
    });

    // The sensor taken out of service: a new opening, a new id.
    const sensor = await service.call('GET', '/assets/NY-DV-004', { token: reader });
    const {
      code: _code,
      assetClass: _class,
      siteId: _site,
      version,
      deviceKey: _key,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      ...description
    } = sensor.body;
    const revised = await service.call('PUT', '/monitoring-devices/NY-DV-004', {
      token: manager,
      headers: { 'if-match': `"${String(version)}"` },
      body: { ...description, status: 'out-of-service' },
    });
    expect(revised.status).toBe(200);
    expect(await checkCoverage()).toEqual({ restroomsChecked: 1, gaps: 1 });
    const [again] = await shortfallsOf('NY-RR-003');
    expect(again).toMatchObject({ id: 'NY-RR-003-coverage-gap-2', status: 'open' });
    expect((again['evidence'] as string[])[0]).toContain(
      '0 working nh3-sensor of 1 installed; not working: NY-DV-004 (failed)',
    );

    const { detected, resolved } = await published();
    const first = detected.filter((e) => e.data.shortfallId === 'NY-RR-003-coverage-gap-1');
    // Opened, and re-opened after the failed verification; the repeated sweeps published nothing.
    expect(first).toHaveLength(2);
    expect(first[0].data).toMatchObject({ rules: ['coverage:nh3-sensor'], severity: 'major' });
    expect(detected.filter((e) => e.data.shortfallId === 'NY-RR-003-coverage-gap-2')).toHaveLength(1);
    expect(resolved.map((e) => e.data)).toEqual([
      expect.objectContaining({
        shortfallId: 'NY-RR-003-coverage-gap-1',
        resolution: 'repaired',
        workOrderId: 'wo-2026-000002',
      }),
    ]);
  });

  it('a work order on an asset the inventory does not hold goes to the dead-letter topic, and the consumer goes on', async () => {
    await completeWorkOrder('wo-2026-000009', 'NY-RR-999');
    const dead = await readTopic(service.kafka, `${service.prefix}${TOPICS.workOrderCompleted}.dlq`, {
      atLeast: 1,
    });
    expect(dead).toHaveLength(1);
    expect(
      (await service.call('GET', '/assets/NY-RR-999/maintenance', { token: reader })).body,
    ).toMatchObject({ total: 0 });
  });
});

const MINUTE = 60_000;
type Reading = { metric: string; value: number; unit: string; at: string };

/** One reading a minute of `value` ppm NH3, from `from` to `to` minutes before `now`. */
function nh3(from: number, to: number, value: number, now: number): Reading[] {
  return Array.from({ length: from - to + 1 }, (_, i) => ({
    metric: 'nh3',
    value,
    unit: 'ppm',
    at: new Date(now - (from - i) * MINUTE).toISOString(),
  }));
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function sendHttp(apiKey: string, readings: Reading[]): Promise<void> {
  const answer = await service.call('POST', '/devices/readings', {
    body: { readings },
    headers: { authorization: `ApiKey ${apiKey}` },
  });
  expect(answer).toMatchObject({ status: 200 });
}

async function sendKafka(deviceId: string, readings: Reading[], times = 1): Promise<void> {
  const event = createEvent(
    DeviceTelemetryV1,
    { deviceId, readings },
    { source: 'gateway-ny-01', actor: { kind: 'device', id: 'gateway-ny-01' } },
  );
  const value = encodeEvent(DeviceTelemetryV1, event);
  for (let n = 0; n < times; n++)
    await producer.send({
      topic: service.prefix + TOPICS.deviceTelemetry,
      messages: [{ key: deviceId, value }],
    });
}

const telemetryConsumed = () => waitForGroupAtEnd(admin, group(), service.prefix + TOPICS.deviceTelemetry);

describe('an odour sensor over its restroom’s limit', () => {
  it('opens exactly one shortfall on the restroom, however its readings arrive, and clears it when the air is clean again', async () => {
    await register(service, manager, 'restrooms', restroomBody('NY-RR-010'));
    const device = await register(
      service,
      manager,
      'monitoring-devices',
      deviceBody('NY-DV-010', 'NY-RR-010'),
    );
    const apiKey = device['apiKey'] as string;
    const now = Date.now();
    // Class 2: NH3 at most 1 mg/m³ = 1.4356 ppm; 3 ppm for 29 minutes, up to the latest reading.
    const foul = nh3(60, 31, 3, now);

    // The same readings shuffled, in parts and whole, over HTTP and Kafka, each sent twice.
    await sendHttp(apiKey, shuffle(foul, 1));
    await sendKafka('NY-DV-010', shuffle(foul, 2), 2);
    await sendHttp(apiKey, shuffle(foul, 3).slice(0, 12));
    await sendKafka('NY-DV-010', shuffle(foul, 4).slice(5), 2);
    await sendHttp(apiKey, shuffle(foul, 5));
    await telemetryConsumed();

    const [open] = await shortfallsOf('NY-RR-010');
    expect(open).toMatchObject({
      id: 'NY-RR-010-sensor-threshold-1',
      kind: 'sensor-threshold',
      status: 'open',
      // 109 % over the limit (intensity 2), for less than twice the 15 minutes (persistence 0).
      severity: 'major',
      findings: [{ rule: 'sensor:nh3@NY-DV-010' }],
    });
    expect((open['evidence'] as string[])[0]).toMatch(
      /^NY-DV-010 \(nh3-sensor\): nh3 above 1\.44 ppm .* 29 min over 30 reading/,
    );
    let { detected } = await published();
    expect(detected.filter((e) => e.data.shortfallId.startsWith('NY-RR-010'))).toHaveLength(1);

    // Clean air since: the shortfall is resolved by the readings, and a second opening would be new.
    await sendKafka('NY-DV-010', nh3(30, 0, 0.4, now));
    await telemetryConsumed();
    expect(await shortfallsOf('NY-RR-010')).toEqual([]);
    const cleared = await service.call('GET', '/shortfalls/NY-RR-010-sensor-threshold-1', { token: reader });
    expect(cleared.body).toMatchObject({ status: 'resolved', resolution: 'cleared-by-reading' });
    ({ detected } = await published());
    expect(detected.filter((e) => e.data.shortfallId.startsWith('NY-RR-010'))).toHaveLength(1);
  });
});

describe('a device that stops reporting', () => {
  it('opens a device-offline shortfall on itself, closed when it reports again', async () => {
    await register(service, manager, 'restrooms', restroomBody('NY-RR-011'));
    const device = await register(
      service,
      manager,
      'monitoring-devices',
      deviceBody('NY-DV-011', 'NY-RR-011'),
    );
    await sendHttp(device['apiKey'] as string, nh3(0, 0, 0.4, Date.now()));
    // Reporting every 60 s with the default factor 3: silent for 10 minutes is offline.
    const later = new Date(Date.now() + 10 * MINUTE);
    await service.app.get(SweepDevices).execute(later);
    const [offline] = await shortfallsOf('NY-DV-011');
    expect(offline).toMatchObject({
      id: 'NY-DV-011-device-offline-1',
      kind: 'device-offline',
      status: 'open',
    });
    expect((offline['evidence'] as string[])[0]).toMatch(/^NY-DV-011 silent for 10 min/);

    await sendHttp(device['apiKey'] as string, nh3(0, 0, 0.4, Date.now()));
    expect(await shortfallsOf('NY-DV-011')).toEqual([]);
    const back = await service.call('GET', '/shortfalls/NY-DV-011-device-offline-1', { token: reader });
    expect(back.body).toMatchObject({ status: 'resolved', resolution: 'cleared-by-reading' });
  });
});

describe('a potholed road', () => {
  it('opens a shortfall with the damage and the action to cost; a work order awaits verification, a passing inspection resolves it', async () => {
    await register(service, manager, 'road-segments', roadBody('NY-RD-020'));
    const crew = await service.issuer.token({ sub: 'u-zhao', roles: ['crew-member'] });
    const inspect = (distresses: unknown[]) =>
      service.call('POST', '/assets/NY-RD-020/inspections', {
        token: crew,
        body: { pavement: { distresses } },
      });
    // 60 m² of potholes on 840 m² of arterial: PCI 64.8 (CJJ 36), grade C, medium repair.
    expect(await inspect([{ type: 'pothole', quantity: 60 }])).toMatchObject({ status: 201 });
    const [pothole] = await shortfallsOf('NY-RD-020');
    expect(pothole).toMatchObject({
      id: 'NY-RD-020-below-quality-standard-1',
      severity: 'minor',
      conditionIndex: 64.8,
      action: 'medium-repair',
      damage: { quantity: 60, unit: 'm2' },
    });

    await completeWorkOrder('wo-2026-000020', 'NY-RD-020', 1, 'NY-RD-020-below-quality-standard-1');
    const awaiting = await service.call('GET', '/shortfalls/NY-RD-020-below-quality-standard-1', {
      token: reader,
    });
    expect(awaiting.body).toMatchObject({ status: 'awaiting-verification', workOrderId: 'wo-2026-000020' });

    expect(await inspect([])).toMatchObject({ status: 201 });
    const repaired = await service.call('GET', '/shortfalls/NY-RD-020-below-quality-standard-1', {
      token: reader,
    });
    expect(repaired.body).toMatchObject({ status: 'resolved', resolution: 'repaired' });
    const { detected, resolved } = await published();
    expect(detected.filter((e) => e.data.shortfallId.startsWith('NY-RD-020'))).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          damage: { quantity: 60, unit: 'm2' },
          action: 'medium-repair',
          department: 'general-affairs',
        }),
      }),
    ]);
    expect(resolved.filter((e) => e.data.shortfallId.startsWith('NY-RD-020')).map((e) => e.data)).toEqual([
      expect.objectContaining({ resolution: 'repaired', workOrderId: 'wo-2026-000020' }),
    ]);
  });
});

describe('at most one open shortfall per asset and kind', () => {
  it('holds when eight checks find the same gap at once', async () => {
    await register(service, manager, 'restrooms', restroomBody('NY-RR-030'));
    await Promise.all(Array.from({ length: 8 }, () => checkCoverage()));
    const all = await service.call('GET', '/shortfalls?assetId=NY-RR-030', { token: reader });
    expect((all.body['items'] as { id: string }[]).map((s) => s.id)).toEqual(['NY-RR-030-coverage-gap-1']);
    const { detected } = await published();
    expect(detected.filter((e) => e.data.assetId === 'NY-RR-030')).toHaveLength(1);
  });
});

describe('an inspection the rules were not told of', () => {
  it('is told by the sweep: a stop between storing it and telling loses no shortfall', async () => {
    await register(service, manager, 'road-segments', roadBody('NY-RD-031'));
    const rules = service.app.get<ShortfallSignals>(SHORTFALL_SIGNALS);
    const stopped = jest.spyOn(rules, 'conditionAssessed').mockRejectedValueOnce(new Error('stopped'));
    const crew = await service.issuer.token({ sub: 'u-zhao', roles: ['crew-member'] });
    const inspected = await service.call('POST', '/assets/NY-RD-031/inspections', {
      token: crew,
      body: { pavement: { distresses: [{ type: 'pothole', quantity: 60 }] } },
    });
    expect(inspected).toMatchObject({ status: 201 });
    expect(await shortfallsOf('NY-RD-031')).toEqual([]);
    stopped.mockRestore();

    const sweep = service.app.get(UntoldInspectionsProcessor);
    // Past the grace period the sweep leaves a request in flight.
    expect(await sweep.tellUntold(new Date(Date.now() + 60_000))).toBe(1);
    expect(await shortfallsOf('NY-RD-031')).toEqual([
      expect.objectContaining({ id: 'NY-RD-031-below-quality-standard-1' }),
    ]);
    expect(await sweep.tellUntold(new Date(Date.now() + 60_000))).toBe(0);
  });
});

describe('reading shortfalls', () => {
  it('lists them by filters, refuses unknown filters and bad ids, and needs a signed-in caller', async () => {
    const bad = await service.call('GET', '/shortfalls?colour=red', { token: reader });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('colour');
    expect((await service.call('GET', '/shortfalls?kind=leaky', { token: reader })).status).toBe(400);
    expect((await service.call('GET', '/shortfalls/nope', { token: reader })).status).toBe(404);
    expect((await service.call('GET', '/shortfalls')).status).toBe(401);
    expect((await service.call('POST', '/coverage-checks', { token: reader })).status).toBe(403);
    const worst = await service.call('GET', '/shortfalls?status=resolved&sort=-severityRank', {
      token: reader,
    });
    // The worst first (major, then minor), ties by id, newest first.
    expect((worst.body['items'] as { id: string }[]).map((s) => s.id)).toEqual([
      'NY-RR-010-sensor-threshold-1',
      'NY-RR-003-coverage-gap-1',
      'NY-RD-020-below-quality-standard-1',
      'NY-DV-011-device-offline-1',
    ]);
    const gaps = await service.call(
      'GET',
      '/shortfalls?kind=coverage-gap&siteId=NY&department=general-affairs',
      {
        token: reader,
      },
    );
    expect((gaps.body['items'] as { id: string }[]).map((s) => s.id)).toEqual([
      'NY-RR-003-coverage-gap-1',
      'NY-RR-003-coverage-gap-2',
      'NY-RR-030-coverage-gap-1',
    ]);
  });
});

import { getConnectionToken } from '@nestjs/mongoose';
import { Queue } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Admin, Producer } from 'kafkajs';
import {
  AssetStateV1,
  DeviceStatusChangedV1,
  DeviceTelemetryV1,
  TOPICS,
  decodeEvent,
  encodeEvent,
  type EnvelopeOf,
} from '@buqi/contracts';
import { QueueName } from '@buqi/jobs';
import { createEvent } from '@buqi/messaging';
import { PLATFORM_CONFIG, REDIS_CONNECTION } from '@buqi/platform';
import { readTopic, waitFor, waitForGroupAtEnd } from '@buqi/testing';
import { deviceBody, register, restroomBody, seedCampus } from '../test-fixtures/campus';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { DeviceStateRepository } from './persistence/device-state.repository';
import { READINGS, type Readings } from './readings.port';
import { DevicePresence } from './use-cases/ingest-readings/device-presence';
import { PurgeReadings } from './use-cases/purge-readings/purge-readings.use-case';
import { SweepDevices } from './use-cases/sweep-devices/sweep-devices.use-case';
import { TelemetrySignals } from './use-cases/telemetry-signals';

// Telemetry through the whole service, in process, on the real engines: ingest over HTTP and Kafka,
// each reading stored once, devices going offline and back, the retention job.
let service: ServiceUnderTest;
let manager: string;
let reader: string;
let producer: Producer;
let admin: Admin;
const keys: Record<string, string> = {};
const MINUTE = 60_000;

beforeAll(async () => {
  // A long sweep interval: the tests drive the sweep themselves, at the times they choose.
  service = await startServiceApp('telemetry', { TELEMETRY_SWEEP_INTERVAL: '1h', TELEMETRY_RETENTION: '2d' });
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  reader = await service.issuer.token({ sub: 'u-li', roles: ['crew-member'] });
  await seedCampus(service, manager);
  await register(service, manager, 'restrooms', restroomBody());
  for (const code of ['NY-DV-001', 'NY-DV-002', 'NY-DV-003', 'NY-DV-004', 'NY-DV-005'])
    keys[code] = (await register(service, manager, 'monitoring-devices', deviceBody(code, 'NY-RR-003')))[
      'apiKey'
    ] as string;
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

const minutesAgo = (n: number, now = Date.now()) => new Date(now - n * MINUTE).toISOString();

function send(key: string, body: unknown) {
  return service.call('POST', '/devices/readings', { body, headers: { authorization: `ApiKey ${key}` } });
}

async function chart(code: string, metric = 'nh3') {
  const answer = await service.call(
    'GET',
    `/assets/${code}/readings?metric=${metric}&from=${minutesAgo(120)}`,
    {
      token: reader,
    },
  );
  expect(answer.status).toBe(200);
  return answer.body['readings'] as { at: string; value: number }[];
}

async function publish(
  deviceId: string,
  readings: { metric: string; value: number; unit: string; at: string }[],
  times = 1,
) {
  const event = createEvent(
    DeviceTelemetryV1,
    { deviceId, readings, batteryPct: 76, signalDbm: -71 },
    { source: 'gateway-ny-01', actor: { kind: 'device', id: 'gateway-ny-01' } },
  );
  const value = encodeEvent(DeviceTelemetryV1, event);
  for (let n = 0; n < times; n++)
    await producer.send({
      topic: service.prefix + TOPICS.deviceTelemetry,
      messages: [{ key: deviceId, value }],
    });
}

const consumed = () =>
  waitForGroupAtEnd(admin, `${service.prefix}asset-inventory`, service.prefix + TOPICS.deviceTelemetry);

/** The status events of a device, once every device state's outbox is published. */
async function statusEvents(deviceId: string, atLeast: number) {
  const states = service.app.get<Connection>(getConnectionToken()).db?.collection('device_states');
  await waitFor(
    'device states’ events published',
    async () => !(await states?.findOne({ _outboxDue: { $exists: true } })),
  );
  const messages = await readTopic(service.kafka, service.prefix + TOPICS.deviceStatusChanged, { atLeast });
  return messages
    .map((m) => decodeEvent(DeviceStatusChangedV1, m.value) as EnvelopeOf<typeof DeviceStatusChangedV1>)
    .filter((e) => e.data.deviceId === deviceId);
}

describe('telemetry', () => {
  it('stores a device’s batch sent with its key, and shows it for a chart', async () => {
    const stored = jest.spyOn(service.app.get(TelemetrySignals), 'readingsStored');
    const readings = [
      { metric: 'nh3', value: 0.8, unit: 'ppm', at: minutesAgo(10) },
      { metric: 'nh3', value: 1.2, unit: 'ppm', at: minutesAgo(9) },
      { metric: 'h2s', value: 0.01, unit: 'ppm', at: minutesAgo(9) },
    ];
    const answer = await send(keys['NY-DV-001'], { readings, batteryPct: 76, signalDbm: -71 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ deviceId: 'NY-DV-001', stored: 3, refused: [] });
    expect((await chart('NY-DV-001')).map((r) => r.value)).toEqual([0.8, 1.2]);
    expect(stored).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'NY-DV-001' }),
      readings.map((r) => ({ ...r, at: new Date(r.at) })),
      expect.any(Date),
    );
    stored.mockRestore();
  });

  it('keeps the valid readings of a bad batch and reports the others by index, a future one among them', async () => {
    const answer = await send(keys['NY-DV-001'], {
      readings: [
        { metric: 'nh3', value: 0.9, unit: 'ppm', at: minutesAgo(8) },
        { metric: 'nh3', value: 1.0, unit: 'ppm', at: minutesAgo(-30) },
        { metric: 'nh3', value: null, unit: 'ppm', at: minutesAgo(7) },
        { metric: 'nh3', value: 0.6, unit: 'mg/m3', at: minutesAgo(6) },
        { metric: 'nh3', value: 1.1, unit: 'ppm', at: minutesAgo(5) },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body['stored']).toBe(2);
    expect(answer.body['refused']).toEqual([
      expect.objectContaining({
        index: 1,
        field: 'readings[1].at',
        reason: expect.stringContaining('clock-skew tolerance'),
      }),
      expect.objectContaining({ index: 2, field: 'readings[2].value' }),
      expect.objectContaining({
        index: 3,
        field: 'readings[3].unit',
        reason: 'must be ppm, the unit this device reports nh3 in',
      }),
    ]);
    expect((await chart('NY-DV-001')).map((r) => r.value)).toEqual([0.8, 1.2, 0.9, 1.1]);

    const none = await send(keys['NY-DV-001'], {
      readings: [{ metric: 'nh3', value: 1, unit: 'ppm', at: minutesAgo(-60) }],
    });
    expect(none.status).toBe(400);
    expect(none.body['errors']).toEqual([expect.objectContaining({ field: 'readings[0].at' })]);
    const unknown = await send(keys['NY-DV-001'], {
      readings: [{ metric: 'nh3', value: 1, unit: 'ppm', at: minutesAgo(1), rssi: -70 }],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body['errors'])).toContain('rssi');
    expect((await chart('NY-DV-001')).map((r) => r.value)).toEqual([0.8, 1.2, 0.9, 1.1]);
  });

  it('refuses an unknown, wrong or revoked key, and a device not in service, storing nothing', async () => {
    const batch = { readings: [{ metric: 'nh3', value: 5, unit: 'ppm', at: minutesAgo(3) }] };
    const [, keyId] = keys['NY-DV-002'].split('_');
    const wrong = `bqd_${keyId}_${'A'.repeat(43)}`;
    const unknown = `bqd_0123456789abcdef_${'A'.repeat(43)}`;
    for (const key of [wrong, unknown, 'not-a-key']) expect((await send(key, batch)).status).toBe(401);
    expect((await service.call('POST', '/devices/readings', { body: batch })).status).toBe(401);

    expect(
      (await service.call('DELETE', '/monitoring-devices/NY-DV-002/key', { token: manager })).status,
    ).toBe(200);
    const revoked = await send(keys['NY-DV-002'], batch);
    expect(revoked.status).toBe(401);
    expect(revoked.body['detail']).toContain('revoked');
    expect(await chart('NY-DV-002')).toEqual([]);

    const device = await service.call('GET', '/assets/NY-DV-005', { token: reader });
    const { code: _c, ...description } = deviceBody('NY-DV-005', 'NY-RR-003', {
      status: 'under-maintenance',
    });
    const revised = await service.call('PUT', '/monitoring-devices/NY-DV-005', {
      token: manager,
      body: description,
      headers: { 'if-match': `"${device.body['version'] as number}"` },
    });
    expect(revised.status).toBe(200);
    const resting = await send(keys['NY-DV-005'], batch);
    expect(resting.status).toBe(409);
    expect(resting.body['code']).toBe('device-not-in-service');
    expect(await chart('NY-DV-005')).toEqual([]);
  });

  it('stores readings replayed, shuffled and sent twice over HTTP and Kafka once each, the worse value of a time kept', async () => {
    const stored = jest.spyOn(service.app.get(TelemetrySignals), 'readingsStored');
    const now = Date.now();
    const readings = Array.from({ length: 30 }, (_, i) => ({
      metric: 'nh3',
      value: Math.round(i * 7.3) % 5,
      unit: 'ppm',
      at: minutesAgo(60 - i, now),
    }));
    const shuffled = [...readings].sort((a, b) => a.value - b.value || a.at.localeCompare(b.at) * -1);
    // The same time again with a lower and a higher value: the higher (worse, for NH3) is kept.
    const conflicting = [
      { ...readings[4], value: readings[4].value - 1 },
      { ...readings[5], value: readings[5].value + 9 },
    ];
    for (let round = 0; round < 2; round++) {
      expect((await send(keys['NY-DV-003'], { readings: shuffled.slice(0, 20) })).status).toBe(200);
      await publish('NY-DV-003', shuffled.slice(10), 2);
    }
    await publish('NY-DV-003', conflicting);
    expect((await send(keys['NY-DV-003'], { readings: conflicting })).status).toBe(200);
    await publish('NY-DV-003', readings);
    await consumed();

    const series = await service.app
      .get<Readings>(READINGS)
      .series('NY-DV-003', 'nh3', new Date(now - 2 * 3600_000), new Date(now));
    expect(series).toHaveLength(30);
    expect(series.map((r) => r.at.toISOString())).toEqual(readings.map((r) => new Date(r.at).toISOString()));
    expect(series.map((r) => r.value)).toEqual(readings.map((r, i) => (i === 5 ? r.value + 9 : r.value)));
    // Told after every stored batch, duplicates included: 3 over HTTP and all 6 deliveries over Kafka
    // (the handler is idempotent: an exact repeat of an event runs again and changes nothing).
    expect(stored.mock.calls.filter(([d]) => d.code === 'NY-DV-003')).toHaveLength(3 + 6);
    stored.mockRestore();
  });

  it('assesses a device’s condition from telemetry into its history and asset state, counting its calibration, told again only when it moved', async () => {
    // Told, as far as telemetry can know: the rules' own handling is the shortfall slice's to test.
    const assessed = jest
      .spyOn(service.app.get(TelemetrySignals), 'conditionAssessed')
      .mockResolvedValue(true);
    const sent = await send(keys['NY-DV-001'], {
      readings: [{ metric: 'h2s', value: 0.02, unit: 'ppm', at: minutesAgo(0) }],
      batteryPct: 76,
      signalDbm: -71,
    });
    expect(sent.status).toBe(200);
    const sweep = service.app.get(SweepDevices);
    const now = new Date();
    await sweep.execute(now);
    const first = assessed.mock.calls.find(([d]) => d.code === 'NY-DV-001');
    // Always online (100), battery 76 % (full marks from 50 %), −71 dBm (97.5), calibration counted
    // from installation in 2009 (long overdue: 0): 0.4 × 100 + 0.2 × 100 + 0.15 × 97.5 + 0.25 × 0.
    expect(first?.[1]).toBe(74.6);
    assessed.mockClear();
    await sweep.execute(new Date(now.getTime() + 1000));
    expect(assessed.mock.calls.filter(([d]) => d.code === 'NY-DV-001')).toEqual([]);

    // It joined the device's condition history and became its asset's condition, published.
    const condition = async () =>
      (await service.call('GET', '/assets/NY-DV-001/condition', { token: reader })).body;
    expect(await condition()).toMatchObject({
      latest: { index: 74.6, method: 'device-telemetry', assessedAt: now.toISOString() },
      series: [{ index: 74.6, method: 'device-telemetry' }],
    });
    const states = await readTopic(service.kafka, service.prefix + TOPICS.assetState, { atLeast: 1 });
    const published = states
      .map((m) => decodeEvent(AssetStateV1, m.value) as EnvelopeOf<typeof AssetStateV1>)
      .filter((e) => e.data.assetId === 'NY-DV-001' && e.data.condition);
    expect(published.map((e) => e.data.condition?.index)).toEqual([74.6]);
    // The assessment is an inspection of the device like any other: listed, and found by its id.
    const listed = await service.call('GET', '/assets/NY-DV-001/inspections', { token: reader });
    const [assessment] = listed.body['items'] as { id: string }[];
    const one = await service.call('GET', `/assets/NY-DV-001/inspections/${assessment.id}`, {
      token: reader,
    });
    expect(one).toMatchObject({
      status: 200,
      body: { condition: { index: 74.6, method: 'device-telemetry' } },
    });

    // Calibrated today (an inspection of the device): the next sweep counts it, full marks.
    const calibrated = await service.call('POST', '/assets/NY-DV-001/inspections', {
      token: reader,
      body: { calibration: { certificate: 'JJG-2026-0113' } },
    });
    expect(calibrated.status).toBe(201);
    const later = new Date(now.getTime() + 2000);
    await sweep.execute(later);
    // 0.4 × 100 + 0.2 × 100 + 0.15 × 97.5 + 0.25 × 100
    expect(assessed.mock.calls.find(([d]) => d.code === 'NY-DV-001')?.[1]).toBe(99.6);
    expect((await condition()).latest).toMatchObject({ index: 99.6, assessedAt: later.toISOString() });
    assessed.mockRestore();
  });

  it('marks a device that stops reporting offline once, however many sweeps, and online again when it reports', async () => {
    const changed = jest.spyOn(service.app.get(TelemetrySignals), 'statusChanged').mockResolvedValue(true);
    const sent = await send(keys['NY-DV-004'], {
      readings: [{ metric: 'nh3', value: 0.5, unit: 'ppm', at: minutesAgo(0) }],
    });
    expect(sent.status).toBe(200);
    const sweep = service.app.get(SweepDevices);
    // It reports every 60 s; offline after 3 min of silence. Two instances sweep at once.
    const later = new Date(Date.now() + 4 * MINUTE);
    const reports = await Promise.all([sweep.execute(later), sweep.execute(later)]);
    expect(reports.flatMap((r) => r.wentOffline).filter((d) => d === 'NY-DV-004')).toEqual(['NY-DV-004']);
    expect((await sweep.execute(new Date(later.getTime() + MINUTE))).wentOffline).not.toContain('NY-DV-004');
    // Its first report put it online; the sweeps, offline once.
    const offline = await statusEvents('NY-DV-004', 2);
    expect(offline.map((e) => e.data.online)).toEqual([true, false]);
    expect(offline[1].data).toMatchObject({ watchedAssetId: 'NY-RR-003', at: later.toISOString() });
    expect(changed).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'NY-DV-004' }),
      false,
      expect.any(Date),
      later,
    );
    changed.mockClear();

    expect(
      (
        await send(keys['NY-DV-004'], {
          readings: [{ metric: 'nh3', value: 0.4, unit: 'ppm', at: minutesAgo(0) }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(keys['NY-DV-004'], {
          readings: [{ metric: 'nh3', value: 0.3, unit: 'ppm', at: minutesAgo(0) }],
        })
      ).status,
    ).toBe(200);
    const events = await statusEvents('NY-DV-004', 3);
    expect(events.map((e) => e.data.online)).toEqual([true, false, true]);
    expect(events[2].data.version).toBeGreaterThan(events[1].data.version);
    expect(changed.mock.calls.filter(([d]) => d.code === 'NY-DV-004').map(([, online]) => online)).toEqual([
      true,
    ]);
    changed.mockRestore();
  });

  it('tells the shortfall rules a change again at the next sweep when they could not take it', async () => {
    const code = 'NY-DV-006';
    keys[code] = (await register(service, manager, 'monitoring-devices', deviceBody(code, 'NY-RR-003')))[
      'apiKey'
    ] as string;
    let refuse = true;
    const changed = jest
      .spyOn(service.app.get(TelemetrySignals), 'statusChanged')
      .mockImplementation(async (device, online) => !(device.code === code && !online && refuse));
    expect(
      (await send(keys[code], { readings: [{ metric: 'nh3', value: 0.5, unit: 'ppm', at: minutesAgo(0) }] }))
        .status,
    ).toBe(200);
    const sweep = service.app.get(SweepDevices);
    const offlineCalls = () => changed.mock.calls.filter(([d, online]) => d.code === code && !online).length;
    const at = Date.now() + 4 * MINUTE;
    expect((await sweep.execute(new Date(at))).wentOffline).toContain(code);
    expect(offlineCalls()).toBe(1);
    refuse = false;
    await sweep.execute(new Date(at + MINUTE));
    expect(offlineCalls()).toBe(2);
    await sweep.execute(new Date(at + 2 * MINUTE));
    expect(offlineCalls()).toBe(2);
    changed.mockRestore();
  });

  it('deletes readings older than the retention, keeps the rest', async () => {
    const now = Date.now();
    const answer = await send(keys['NY-DV-001'], {
      readings: [
        { metric: 'pm2.5', value: 40, unit: 'ug/m3', at: new Date(now - 47 * 3600_000).toISOString() },
        { metric: 'pm2.5', value: 41, unit: 'ug/m3', at: new Date(now - 3600_000).toISOString() },
      ],
    });
    expect(answer.status).toBe(200);
    const readings = service.app.get<Readings>(READINGS);
    const all = () => readings.series('NY-DV-001', 'pm2.5', new Date(now - 48 * 3600_000), new Date(now));
    expect((await all()).map((r) => r.value)).toEqual([40, 41]);
    // Three hours on, the 47-hour-old reading is past the 2-day retention.
    const purged = await service.app.get(PurgeReadings).execute(new Date(now + 3 * 3600_000));
    expect(purged.deleted).toBeGreaterThan(0);
    expect((await all()).map((r) => r.value)).toEqual([41]);
    expect((await chart('NY-DV-001')).length).toBe(4);
  });

  it('writes an online device’s later batches together, at the end of its window or at shutdown', async () => {
    const states = service.app.get(DeviceStateRepository);
    const first = await send(keys['NY-DV-003'], {
      readings: [{ metric: 'nh3', value: 1, unit: 'ppm', at: minutesAgo(0) }],
      batteryPct: 50,
    });
    expect(first.status).toBe(200);
    const before = await states.find('NY-DV-003');
    const second = await send(keys['NY-DV-003'], {
      readings: [{ metric: 'nh3', value: 1, unit: 'ppm', at: minutesAgo(0) }],
      batteryPct: 49,
    });
    expect(second.status).toBe(200);
    // Deferred: no new hour or metric, so the store still has the first batch's traces…
    expect(await states.find('NY-DV-003')).toMatchObject({
      lastSeenAt: before?.lastSeenAt,
      battery: { pct: before?.battery?.pct },
    });
    // …until the window ends (or the service shuts down), when the newest of them is written.
    await service.app.get(DevicePresence).beforeApplicationShutdown();
    const after = await states.find('NY-DV-003');
    expect(after?.lastSeenAt?.getTime()).toBeGreaterThan(before?.lastSeenAt?.getTime() ?? Infinity);
    expect(after?.battery?.pct).toBe(49);
  });

  it('never lets a batch waiting to be written overwrite a newer one written at once', async () => {
    const states = service.app.get(DeviceStateRepository);
    // Deferred (nothing new): battery 48 waits for the end of the window…
    expect(
      (
        await send(keys['NY-DV-003'], {
          readings: [{ metric: 'nh3', value: 1, unit: 'ppm', at: minutesAgo(0) }],
          batteryPct: 48,
        })
      ).status,
    ).toBe(200);
    // …then a batch with a new metric is written at once, battery 47, measured later.
    expect(
      (
        await send(keys['NY-DV-003'], {
          readings: [{ metric: 'temperature', value: 21, unit: 'C', at: minutesAgo(0) }],
          batteryPct: 47,
        })
      ).status,
    ).toBe(200);
    await service.app.get(DevicePresence).beforeApplicationShutdown();
    expect((await states.find('NY-DV-003'))?.battery?.pct).toBe(47);
  });

  it('limits a device to 120 batches a minute, in Redis', async () => {
    // NY-DV-005 is under maintenance: every batch is refused (409), and counts.
    const batch = { readings: [{ metric: 'nh3', value: 1, unit: 'ppm', at: minutesAgo(1) }] };
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 160 }, () => send(keys['NY-DV-005'], batch)));
    // The limit refills at 2 a second while the requests go out.
    const refill = Math.ceil(((Date.now() - started) / 1000) * 2) + 1;
    const taken = answers.filter((a) => a.status === 409).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(taken + limited.length).toBe(160);
    expect(taken).toBeLessThanOrEqual(120 + refill);
    expect(limited.length).toBeGreaterThanOrEqual(160 - 120 - refill);
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('leaves an oversized batch to the platform: 413', async () => {
    const readings = Array.from({ length: 500 }, (_, i) => ({
      metric: 'nh3',
      value: i,
      unit: 'x'.repeat(16),
      at: minutesAgo(1),
      note: 'y'.repeat(3_000),
    }));
    expect((await send(keys['NY-DV-001'], { readings })).status).toBe(413);
  });

  it('sweeps and purges on BullMQ schedules, one each however many instances', async () => {
    const config = service.app.get<{ JOBS_PREFIX: string }>(PLATFORM_CONFIG);
    const queue = new Queue(QueueName.Telemetry, {
      connection: service.app.get(REDIS_CONNECTION),
      prefix: config.JOBS_PREFIX,
    });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, Number(s.every)]).sort()).toEqual([
        ['device-heartbeat-sweep', 3600_000],
        ['readings-retention', 3600_000],
      ]);
    } finally {
      await queue.close();
    }
  });
});

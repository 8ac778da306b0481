import { AssetStateV1, encodeEvent, type DataOf } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { PLATFORM_CONFIG } from '@buqi/platform';
import { waitForGroupAtEnd } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { addDays, localDateOf } from './domain/schedule';
import { PreventivePlans } from './use-cases/preventive-plans';

// Preventive plans through the whole service on the real engines, with a second instance on the same database.
let first: ServiceUnderTest;
const token: Record<string, string> = {};

beforeAll(async () => {
  first = await startServiceApp('preventive');
  token['supervisor'] = await first.issuer.token({
    sub: 'u-supervisor',
    roles: ['supervisor'],
    department: 'general-affairs',
  });
  token['crew'] = await first.issuer.token({
    sub: 'u-crew',
    roles: ['crew-member'],
    crew: 'crew-cleaning-1',
  });
});

afterAll(() => first?.close());

const call = (service: ServiceUnderTest, method: string, path: string, who: string, body?: unknown) =>
  service.call(method, path, { token: token[who], ...(body !== undefined && { body }) });

/** The ids of the preventive orders of a plan, as the API lists them. */
async function generated(service: ServiceUnderTest, planId: string): Promise<string[]> {
  const page = await call(service, 'GET', '/work-orders?pageSize=100', 'supervisor');
  return (page.body['items'] as { id: string; source: string }[])
    .filter((o) => o.source === 'preventive' && o.id.startsWith(planId))
    .map((o) => o.id)
    .sort();
}

/** Publishes asset states as asset-inventory would, and waits until work-orders has read them. */
async function tell(states: Partial<DataOf<typeof AssetStateV1>>[]): Promise<void> {
  const producer = first.kafka.producer();
  const admin = first.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  try {
    for (const state of states) {
      const data = { ...AssetStateV1.example, ...state };
      const event = createEvent(AssetStateV1, data, {
        source: 'asset-inventory',
        actor: { kind: 'system', id: 'test' },
      });
      await producer.send({
        topic: first.prefix + AssetStateV1.topic,
        messages: [{ key: data.assetId, value: encodeEvent(AssetStateV1, event) }],
      });
    }
    await waitForGroupAtEnd(admin, `${first.prefix}work-orders`, first.prefix + AssetStateV1.topic);
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}

describe('preventive plans', () => {
  it('generate each occurrence once, across a second instance racing the first and a restart', async () => {
    const plan = await call(first, 'POST', '/preventive-plans', 'supervisor', {
      name: '卫生间日常保洁巡查',
      assetIds: ['NY-RR-003', 'NY-RR-004'],
      taskType: 'cleaning',
      standardHours: 0.5,
      schedule: { every: 'day', interval: 1, startDate: '2026-01-01', time: '08:30', workingDaysOnly: true },
      leadDays: 2,
      reason: '每日保洁巡查',
    });
    expect(plan.status).toBe(201);
    const id = plan.body['id'] as string;

    // What the plan should have made: its occurrences from today to two days ahead, per asset.
    const today = localDateOf(new Date());
    const next = (await call(first, 'GET', `/preventive-plans/${id}/occurrences?count=30`, 'crew')).body[
      'items'
    ] as {
      workOrderId: string;
      date: string;
    }[];
    const expected = next
      .filter((o) => o.date <= addDays(today, 2))
      .map((o) => o.workOrderId)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await generated(first, id)).toEqual(expected);
    // Working days only: a weekend or holiday within the lead days has no round.
    expect(next.every((o) => o.date >= today)).toBe(true);

    // A second instance of the service on the same database and topics, both generating at once.
    // (Closing an instance drops only the database it was first given, not this shared one.)
    const config = first.app.get<Record<string, string>>(PLATFORM_CONFIG);
    const shared = Object.fromEntries(
      ['MONGO_DB', 'KAFKA_TOPIC_PREFIX', 'JOBS_PREFIX', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'].map(
        (k) => [k, String(config[k])],
      ),
    );
    const second = await startServiceApp('preventive', shared);
    try {
      const made = await Promise.all([
        first.app.get(PreventivePlans).generateAll(),
        second.app.get(PreventivePlans).generateAll(),
        second.app.get(PreventivePlans).generateAll(),
      ]);
      expect(made).toEqual([0, 0, 0]);
    } finally {
      await second.close();
    }
    // Restarted: a fresh instance generates at start and makes nothing new.
    const third = await startServiceApp('preventive', shared);
    try {
      expect(await third.app.get(PreventivePlans).generateAll()).toBe(0);
      expect(await generated(third, id)).toEqual(expected);
    } finally {
      await third.close();
    }
  });

  it('cleans busier restrooms more often: rounds a day by footfall, as asset.state.v1 tells it', async () => {
    await tell([
      { assetId: 'NY-RR-005', assetClass: 'restroom', dailyFootfall: 1_200 },
      { assetId: 'NY-RR-006', assetClass: 'restroom', dailyFootfall: 100 },
    ]);
    const plan = await call(first, 'POST', '/preventive-plans', 'supervisor', {
      name: '高峰卫生间保洁',
      assetIds: ['NY-RR-005', 'NY-RR-006'],
      taskType: 'cleaning',
      standardHours: 0.5,
      schedule: { every: 'day', interval: 1, startDate: '2026-01-01', time: '08:00', workingDaysOnly: false },
      leadDays: 0,
      footfallPerRound: 400,
      reason: '按人流量安排保洁频次',
    });
    expect(plan.body).toMatchObject({ footfallPerRound: 400 });
    expect(plan.status).toBe(201);
    const ids = await generated(first, plan.body['id'] as string);
    const busy = ids.filter((i) => i.includes('NY-RR-005'));
    const quiet = ids.filter((i) => i.includes('NY-RR-006'));
    // 1,200 visits ÷ 400 a round: three rounds today; 100 visits: one.
    expect(busy).toHaveLength(3);
    expect(quiet).toHaveLength(1);
  });

  it('calibrates devices by their calibration age, as asset.state.v1 tells it, once per cycle', async () => {
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const device = (assetId: string, lastCalibratedAt: Date) => ({
      assetId,
      assetClass: 'monitoring-device' as const,
      lastCalibratedAt: lastCalibratedAt.toISOString(),
      version: Math.floor(lastCalibratedAt.getTime() / 1000),
    });
    // One device a year and five days past its calibration, one calibrated ten days ago.
    await tell([device('NY-DV-101', daysAgo(370)), device('NY-DV-102', daysAgo(10))]);
    const plan = await call(first, 'POST', '/preventive-plans', 'supervisor', {
      name: '氨气传感器年度校准',
      assetIds: ['NY-DV-101', 'NY-DV-102'],
      taskType: 'sensor-calibration',
      standardHours: 1,
      schedule: {
        every: 'year',
        interval: 1,
        startDate: '2026-01-01',
        time: '09:00',
        workingDaysOnly: false,
      },
      leadDays: 7,
      calibrationEveryDays: 365,
      reason: '传感器按校准周期送检',
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ calibrationEveryDays: 365 });
    const planId = plan.body['id'] as string;
    // Named by the day it fell due (five days ago), generated today.
    const dueFrom = addDays(localDateOf(daysAgo(370)), 365);
    expect(await generated(first, planId)).toEqual([`${planId}-NY-DV-101-c${dueFrom.replaceAll('-', '')}`]);

    // Generating again, as every pass and every instance does, makes nothing new.
    expect(await first.app.get(PreventivePlans).generateAll()).toBe(0);
    expect(await generated(first, planId)).toHaveLength(1);

    // Calibrated today: the next cycle is a year away, and nothing more is generated now.
    await tell([device('NY-DV-101', now)]);
    expect(await first.app.get(PreventivePlans).generateAll()).toBe(0);
    const next = await call(first, 'GET', `/preventive-plans/${planId}/occurrences?count=5`, 'supervisor');
    expect(next.status).toBe(200);
    expect(next.body['items']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ assetId: 'NY-DV-101', date: addDays(localDateOf(now), 365) }),
        expect.objectContaining({ assetId: 'NY-DV-102', date: addDays(localDateOf(daysAgo(10)), 365) }),
      ]),
    );

    const both = await call(first, 'POST', '/preventive-plans', 'supervisor', {
      ...{ name: '两种条件', assetIds: ['NY-DV-101'], taskType: 'sensor-calibration', standardHours: 1 },
      schedule: {
        every: 'year',
        interval: 1,
        startDate: '2026-01-01',
        time: '09:00',
        workingDaysOnly: false,
      },
      footfallPerRound: 100,
      calibrationEveryDays: 365,
      reason: '不能同时按两种条件',
    });
    expect(both.status).toBe(422);
    expect(JSON.stringify(both.body)).toContain('calibrationEveryDays');
  });

  it('refuses a plan it cannot schedule, and crews cannot plan', async () => {
    const bad = await call(first, 'POST', '/preventive-plans', 'supervisor', {
      name: 'x',
      assetIds: [],
      taskType: 'cleaning',
      standardHours: 1,
      schedule: {
        every: 'fortnight',
        interval: 0,
        startDate: '2026-13-01',
        time: '25:00',
        workingDaysOnly: true,
      },
      reason: 'bad',
    });
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as unknown[]).length).toBeGreaterThanOrEqual(5);
    const crew = await call(first, 'POST', '/preventive-plans', 'crew', {});
    expect(crew.status).toBe(403);
  });
});

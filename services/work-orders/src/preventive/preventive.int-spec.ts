import { AssetStateV1, encodeEvent } from '@buqi/contracts';
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
    const producer = first.kafka.producer();
    const admin = first.kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    try {
      for (const [assetId, dailyFootfall] of [
        ['NY-RR-005', 1_200],
        ['NY-RR-006', 100],
      ] as const) {
        const data = { ...AssetStateV1.example, assetId, assetClass: 'restroom' as const, dailyFootfall };
        const event = createEvent(AssetStateV1, data, {
          source: 'asset-inventory',
          actor: { kind: 'system', id: 'test' },
        });
        await producer.send({
          topic: first.prefix + AssetStateV1.topic,
          messages: [{ key: assetId, value: encodeEvent(AssetStateV1, event) }],
        });
      }
      await waitForGroupAtEnd(admin, `${first.prefix}work-orders`, first.prefix + AssetStateV1.topic);
    } finally {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    }
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

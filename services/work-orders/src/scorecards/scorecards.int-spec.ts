import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { monthOf } from '../settlement/domain/month';

// Monthly scorecards through the whole service on the real engines: orders opened, done and
// verified through the HTTP API, then read by people who may see more or less of them.

let service: ServiceUnderTest;
const token: Record<string, string> = {};

beforeAll(async () => {
  service = await startServiceApp('scorecards');
  const people = {
    supervisor: { roles: ['supervisor'], department: 'general-affairs' },
    security: { roles: ['supervisor'], department: 'security' },
    crewOne: { roles: ['crew-member'], crew: 'crew-roads-1' },
    crewTwo: { roles: ['crew-member'], crew: 'crew-roads-2' },
    contractor: { roles: ['contractor'], contractor: 'ctr-a' },
    finance: { roles: ['finance'] },
  };
  for (const [who, claims] of Object.entries(people))
    token[who] = await service.issuer.token({ sub: `u-${who}`, ...claims });
});

afterAll(async () => {
  await service?.close();
});

const call = (method: string, path: string, who: string, body?: unknown) =>
  service.call(method, path, { token: token[who], ...(body !== undefined && { body }) });

async function ok(what: string, p: Promise<{ status: number; body: Record<string, unknown> }>) {
  const r = await p;
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Opened by `supervisor`, done by `doer` (hours logged), rejected `rejections` times, then rated. */
async function done(
  supervisor: string,
  assignee: { kind: 'crew' | 'contractor'; id: string },
  doer: string,
  standardHours: number,
  labourHours: number,
  rating: string,
  rejections = 0,
): Promise<void> {
  const order = await ok(
    'open',
    call('POST', '/work-orders', supervisor, {
      title: '路面修补',
      assetId: 'NY-RD-012',
      priority: 'P4',
      taskType: 'pothole-patch',
      standardHours,
    }),
  );
  const id = order['id'] as string;
  await ok('assign', call('POST', `/work-orders/${id}/assign`, supervisor, { assignee }));
  for (let n = 0; n <= rejections; n++) {
    await ok('start', call('POST', `/work-orders/${id}/start`, doer, {}));
    await ok('complete', call('POST', `/work-orders/${id}/complete`, doer, { notes: '完成', labourHours }));
    if (n < rejections)
      await ok('reject', call('POST', `/work-orders/${id}/reject`, supervisor, { reason: '返工重做' }));
  }
  await ok('verify', call('POST', `/work-orders/${id}/verify`, supervisor, { rating }));
}

type Card = {
  id: string;
  ordersClosed: number;
  standardHoursEarned: number;
  hoursLogged: number;
  averageRating: number | null;
  reopenRate: number;
  onTimeRate: number;
};
const cards = async (who: string, month: string, kind: string) => {
  const r = await call('GET', `/scorecards?month=${month}&kind=${kind}`, who);
  return { status: r.status, items: (r.body['items'] ?? []) as Card[] };
};

describe('monthly scorecards', () => {
  it('credit standard hours on verification, and show each reader what is theirs to see', async () => {
    const crewOne = { kind: 'crew' as const, id: 'crew-roads-1' };
    await done('supervisor', crewOne, 'crewOne', 3, 2.5, 'perfect');
    await done('supervisor', crewOne, 'crewOne', 1.5, 2, 'good', 1);
    await done('supervisor', { kind: 'crew', id: 'crew-roads-2' }, 'crewTwo', 2, 1, 'outstanding');
    await done('supervisor', { kind: 'contractor', id: 'ctr-a' }, 'contractor', 6, 7, 'excellent');
    await done('security', crewOne, 'crewOne', 4, 4, 'excellent');
    const month = monthOf(new Date());

    // The supervisor sees crew-roads-1 as it worked for general-affairs: 3 + 1.5 standard hours,
    // 2.5 + 2 logged, ratings (4 + 1) / 2, one of two reopened.
    const supervisor = await cards('supervisor', month, 'crew');
    expect(supervisor.items).toEqual([
      expect.objectContaining({
        id: 'crew-roads-1',
        ordersClosed: 2,
        standardHoursEarned: 4.5,
        hoursLogged: 4.5,
        averageRating: 2.5,
        reopenRate: 0.5,
        onTimeRate: 1,
      }),
      expect.objectContaining({
        id: 'crew-roads-2',
        ordersClosed: 1,
        standardHoursEarned: 2,
        averageRating: 3,
      }),
    ]);
    // Finance sees all of it: 4.5 + 4 standard hours, ratings (4 + 1 + 2) / 3.
    const finance = await cards('finance', month, 'crew');
    expect(finance.items[0]).toMatchObject({
      id: 'crew-roads-1',
      ordersClosed: 3,
      standardHoursEarned: 8.5,
      averageRating: 2.33,
      reopenRate: 0.3333,
    });
    // The crew sees its own card, whole, and nobody else's.
    const own = await cards('crewOne', month, 'crew');
    expect(own.items.map((c) => [c.id, c.ordersClosed])).toEqual([['crew-roads-1', 3]]);
    expect((await cards('crewOne', month, 'department')).status).toBe(403);
    expect((await cards('contractor', month, 'crew')).status).toBe(403);
    const contractor = await cards('contractor', month, 'contractor');
    expect(contractor.items).toEqual([
      expect.objectContaining({ id: 'ctr-a', ordersClosed: 1, standardHoursEarned: 6, hoursLogged: 7 }),
    ]);
    // 3 + 1.5 + 2 + 6 = 12.5 standard hours for general-affairs; security's order is not in it.
    const department = await cards('supervisor', month, 'department');
    expect(department.items).toEqual([
      expect.objectContaining({ id: 'general-affairs', ordersClosed: 4, standardHoursEarned: 12.5 }),
    ]);
    expect((await cards('supervisor', '2020-01', 'crew')).items).toEqual([]);
  });

  it('refuses bad queries with every bad field, and unknown fields', async () => {
    const bad = await call('GET', '/scorecards?month=2026-13&kind=person&extra=1', 'supervisor');
    expect(bad.status).toBe(400);
    const fields = (bad.body['errors'] as { field: string }[]).map((e) => e.field).join(' ');
    for (const f of ['month', 'kind', 'extra']) expect(fields).toContain(f);
  });
});

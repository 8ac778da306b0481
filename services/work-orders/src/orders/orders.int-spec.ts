import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Producer } from 'kafkajs';
import { Redis } from 'ioredis';
import {
  decodeEvent,
  encodeEvent,
  RemediationFundedV1,
  ServiceQuotaV1,
  WorkOrderCompletedV1,
  WorkOrderCreatedV1,
  WorkOrderEscalatedV1,
  type DataOf,
  type EnvelopeOf,
  type EventContract,
} from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { PLATFORM_CONFIG } from '@buqi/platform';
import { engineEnv, readTopic, waitFor, waitForGroupAtEnd } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { SHORT_SLA } from '../test-fixtures/short-sla';
import { isWorkingDay } from '@buqi/domain-sla';
import { CalendarService } from '../calendars/calendar.service';
import { DayEndSweep } from './day-end/day-end-sweep';
import { Escalations } from './escalation/escalations';

// Work orders through the whole service, in process, on the real engines, with a short P1 SLA.

let service: ServiceUnderTest;
let producer: Producer;
let admin: Admin;
const token: Record<string, string> = {};

beforeAll(async () => {
  service = await startServiceApp('orders', {
    SLA_POLICY: JSON.stringify(SHORT_SLA),
    ESCALATION_RECONCILE_INTERVAL: '3s',
    SMTP_URL: String(engineEnv()['SMTP_URL']),
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'buqi-evidence-')),
  });
  const people = {
    supervisor: { roles: ['supervisor'], department: 'general-affairs' },
    otherSupervisor: { roles: ['supervisor'], department: 'security' },
    crewOne: { roles: ['crew-member'], crew: 'crew-roads-1' },
    crewTwo: { roles: ['crew-member'], crew: 'crew-roads-2' },
    finance: { roles: ['finance'] },
    admin: { roles: ['admin'] },
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

async function publish<C extends EventContract>(contract: C, data: DataOf<C>, times = 1): Promise<void> {
  const event = createEvent(contract, data, {
    source: 'budget-allocation',
    actor: { kind: 'system', id: 'test' },
  });
  const topic = service.prefix + contract.topic;
  for (let n = 0; n < times; n++)
    await producer.send({
      topic,
      messages: [{ key: contract.key(data), value: encodeEvent(contract, event) }],
    });
  await waitForGroupAtEnd(admin, `${service.prefix}work-orders`, topic);
}

async function read<C extends EventContract>(contract: C, atLeast: number): Promise<DataOf<C>[]> {
  await service.outboxDrained();
  return (await readTopic(service.kafka, service.prefix + contract.topic, { atLeast })).map(
    (m) => (decodeEvent(contract, m.value) as EnvelopeOf<C>).data as DataOf<C>,
  );
}

const call = (method: string, path: string, who: string, body?: unknown) =>
  service.call(method, path, { token: token[who], ...(body !== undefined && { body }) });

type Order = {
  id: string;
  state: string;
  version: number;
  allowed: string[];
  escalations: { stepId: string; dueAt: string; at: string }[];
};

const funded: DataOf<typeof RemediationFundedV1> = {
  ...RemediationFundedV1.example,
  remediationId: 'rem-NY-RD-012-below-quality-standard-1',
  shortfallId: 'NY-RD-012-below-quality-standard-1',
  assetId: 'NY-RD-012',
  department: 'general-affairs',
  priority: 'P3',
};

describe('work orders', () => {
  const id = `wo-${funded.remediationId}`;

  it('opens exactly one order per funded remediation, however often its event arrives', async () => {
    await publish(RemediationFundedV1, funded, 3);
    await publish(RemediationFundedV1, funded); // the same funding in a new event
    const list = await call('GET', '/work-orders', 'supervisor');
    expect(list.body['total']).toBe(1);
    const order = (await call('GET', `/work-orders/${id}`, 'supervisor')).body;
    expect(order).toMatchObject({
      state: 'new',
      source: 'remediation',
      remediationId: funded.remediationId,
      priority: 'P3',
    });
    expect(order['correlationId']).toEqual(expect.any(String));
    const created = await read(WorkOrderCreatedV1, 1);
    expect(created.map((c) => c.workOrderId)).toEqual([id]);
  });

  it('lets a crew act only on its own orders, and the state machine only on legal moves', async () => {
    expect(
      (
        await call('POST', `/work-orders/${id}/assign`, 'otherSupervisor', {
          assignee: { kind: 'crew', id: 'crew-roads-1' },
        })
      ).status,
    ).toBe(403);
    const assigned = await call('POST', `/work-orders/${id}/assign`, 'supervisor', {
      assignee: { kind: 'crew', id: 'crew-roads-1' },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body['allowed']).toEqual(['assign', 'start', 'hold', 'cancel']);

    const before = (await call('GET', `/work-orders/${id}`, 'supervisor')).body as Order;
    expect((await call('POST', `/work-orders/${id}/start`, 'crewTwo', {})).status).toBe(403);
    expect((await call('GET', `/work-orders/${id}`, 'crewTwo')).status).toBe(403);
    expect((await call('GET', '/work-orders', 'crewTwo')).body['total']).toBe(0);
    expect(((await call('GET', `/work-orders/${id}`, 'supervisor')).body as Order).version).toBe(
      before.version,
    );

    const illegal = await call('POST', `/work-orders/${id}/verify`, 'supervisor', { rating: 'good' });
    expect(illegal.status).toBe(409);
    expect(illegal.body['details']).toMatchObject({
      current: 'assigned',
      allowed: ['assign', 'start', 'hold', 'cancel'],
    });

    expect((await call('POST', `/work-orders/${id}/start`, 'crewOne', {})).status).toBe(200);
    expect((await call('GET', '/work-orders', 'crewOne')).body['total']).toBe(1);
  });

  it('lets one of two concurrent moves win; the other gets 409 and changes nothing', async () => {
    const [a, b] = await Promise.all([
      call('POST', `/work-orders/${id}/hold`, 'crewOne', { reason: '等待沥青供货' }),
      call('POST', `/work-orders/${id}/complete`, 'crewOne', {
        notes: '已修补',
        labourHours: 6,
        materials: [],
        checklist: [],
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const order = (await call('GET', `/work-orders/${id}`, 'supervisor')).body as Order & {
      history: unknown[];
    };
    // create, assign, start and exactly one of the two.
    expect(order.history).toHaveLength(4);
    if (order.state === 'on-hold')
      expect((await call('POST', `/work-orders/${id}/resume`, 'crewOne', {})).status).toBe(200);
  });

  it('completes with evidence, publishes the actual cost, and is verified on the four-level scale', async () => {
    // Evidence: a photo checked by its bytes, kept once, refused before anything is stored when wrong.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('修补前后对比'),
    ]);
    const upload = (who: string, body: Buffer, type: string) =>
      fetch(`${service.url}/work-orders/${id}/photos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token[who]}`, 'content-type': type },
        body,
      });
    const added = await upload('crewOne', png, 'image/png');
    expect(added.status).toBe(200);
    const photos = ((await added.json()) as { photos: { id: string }[] }).photos;
    expect(photos).toHaveLength(1);
    expect((await upload('crewOne', png, 'image/png')).status).toBe(200);
    expect((await upload('crewOne', Buffer.from('not an image'), 'image/png')).status).toBe(415);
    expect((await upload('crewOne', png, 'image/jpeg')).status).toBe(415);
    expect((await upload('crewOne', png, 'text/plain')).status).toBe(415);
    expect((await upload('crewOne', Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'image/png')).status).toBe(413);
    expect((await upload('crewTwo', png, 'image/png')).status).toBe(403);
    const stored = (await call('GET', `/work-orders/${id}`, 'supervisor')).body as Order & {
      photos: unknown[];
    };
    expect(stored.photos).toHaveLength(1);
    const got = await fetch(`${service.url}/work-orders/${id}/photos/${photos[0].id}`, {
      headers: { authorization: `Bearer ${token['supervisor']}` },
    });
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);

    const current = (await call('GET', `/work-orders/${id}`, 'supervisor')).body as Order;
    if (current.state === 'in-progress') {
      const done = await call('POST', `/work-orders/${id}/complete`, 'crewOne', {
        notes: '坑槽已修补压实',
        labourHours: 6.5,
        materials: [{ name: '沥青混合料', quantity: 2.1, unit: 't', costFen: 189_000 }],
        checklist: [{ item: '平整密实', passed: true }],
      });
      expect(done.status).toBe(200);
    }
    const verified = await call('POST', `/work-orders/${id}/verify`, 'supervisor', { rating: 'excellent' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ state: 'verified', rating: 'excellent', allowed: [] });
    const completed = await read(WorkOrderCompletedV1, 1);
    expect(completed).toEqual([
      expect.objectContaining({
        workOrderId: id,
        remediationId: funded.remediationId,
        completedBy: 'crew-roads-1',
      }),
    ]);
  });

  it('refuses bad bodies with every bad field, and unknown fields', async () => {
    const bad = await call('POST', '/work-orders', 'supervisor', {
      title: 'x',
      assetId: '$where',
      priority: 'P9',
      taskType: 'Pothole Patch',
      standardHours: -1,
      owner: 'me',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body['errors'] as { field: string }[]).map((e) => e.field).join(' ');
    for (const f of ['title', 'assetId', 'priority', 'taskType', 'standardHours', 'owner'])
      expect(fields).toContain(f);
    expect((await call('GET', '/work-orders?state[$ne]=x', 'supervisor')).status).toBe(400);
  });

  it('will not complete without every item of the quota’s quality checklist', async () => {
    const checklist = ['角阀无渗漏', '台面清洁', '排水通畅'];
    await publish(ServiceQuotaV1, {
      ...ServiceQuotaV1.example,
      taskType: 'fixture-replacement',
      version: 1,
      unit: 'fixture',
      quality: { checklist, acceptance: [] },
      effectiveFrom: '2026-01-01',
    });
    const fixture = {
      ...funded,
      remediationId: 'rem-NY-RR-003-q1',
      shortfallId: 'NY-RR-003-q1',
      assetId: 'NY-RR-003',
      taskType: 'fixture-replacement',
      quotaVersion: 1,
    };
    await publish(RemediationFundedV1, fixture);
    const order = `wo-${fixture.remediationId}`;
    expect(
      (
        await call('POST', `/work-orders/${order}/assign`, 'supervisor', {
          assignee: { kind: 'crew', id: 'crew-roads-1' },
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', `/work-orders/${order}/start`, 'crewOne', {})).status).toBe(200);
    const partial = await call('POST', `/work-orders/${order}/complete`, 'crewOne', {
      notes: '更换角阀',
      labourHours: 1,
      materials: [],
      checklist: [{ item: '角阀无渗漏', passed: true }],
    });
    expect(partial.status).toBe(422);
    expect(partial.body['detail']).toContain('台面清洁; 排水通畅');
    const full = await call('POST', `/work-orders/${order}/complete`, 'crewOne', {
      notes: '更换角阀',
      labourHours: 1,
      materials: [],
      checklist: checklist.map((item) => ({ item, passed: item !== '排水通畅' })),
    });
    expect(full.status).toBe(200);
  });

  it('counts the due times again when a supervisor changes the priority', async () => {
    const opened = await call('POST', '/work-orders', 'supervisor', {
      title: '路灯不亮',
      assetId: 'NY-RD-012',
      priority: 'P3',
      taskType: 'electrical-repair',
      standardHours: 1,
    });
    const before = opened.body as Order & { due: { resolveBy: string } };
    expect(
      (
        await call('POST', `/work-orders/${before.id}/priority`, 'crewOne', {
          priority: 'P1',
          reason: '夜间安全',
        })
      ).status,
    ).toBe(403);
    const raised = await call('POST', `/work-orders/${before.id}/priority`, 'supervisor', {
      priority: 'P1',
      reason: '夜间安全',
    });
    expect(raised.status).toBe(200);
    const after = raised.body as Order & {
      priority: string;
      due: { resolveBy: string };
      history: { action: string; reason?: string }[];
    };
    expect(after.priority).toBe('P1');
    expect(Date.parse(after.due.resolveBy)).toBeLessThan(Date.parse(before.due.resolveBy));
    expect(after.history.at(-1)).toMatchObject({ action: 'priority P3→P1', reason: '夜间安全' });
    // Closed, its priority is settled (and it will not escalate in the tests that follow).
    expect(
      (await call('POST', `/work-orders/${before.id}/cancel`, 'supervisor', { reason: '已由物业修复' }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('POST', `/work-orders/${before.id}/priority`, 'supervisor', {
          priority: 'P2',
          reason: '再调整',
        })
      ).status,
    ).toBe(409);
  });

  it('lists at a working day’s end what was due by then and is not done, once, for the department’s supervisors', async () => {
    const opened = await call('POST', '/work-orders', 'supervisor', {
      title: '楼道灯不亮',
      assetId: 'NY-RD-012',
      priority: 'P1',
      taskType: 'electrical-repair',
      standardHours: 1,
    });
    const id = (opened.body as Order).id;
    // The evening of the next working day (a P1 here is due within minutes, long before it).
    const calendar = await service.app.get(CalendarService).calendar();
    let day = new Date(Date.now() + 86_400_000);
    while (!isWorkingDay(calendar, day)) day = new Date(day.getTime() + 86_400_000);
    const evening = new Date(
      `${new Date(day.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T23:00:00+08:00`,
    );
    const sweep = service.app.get(DayEndSweep);
    const report = await sweep.sweep(evening);
    expect(report).toBeDefined();
    expect(await sweep.sweep(evening)).toBeUndefined();
    const mine = await call('GET', `/reports/day-end/${report?._id}`, 'supervisor');
    expect(mine.status).toBe(200);
    const orders = (mine.body['departments'] as { department: string; orders: { id: string }[] }[]).flatMap(
      (d) => {
        expect(d.department).toBe('general-affairs');
        return d.orders.map((o) => o.id);
      },
    );
    expect(orders).toContain(id);
    expect(
      (await call('GET', `/reports/day-end/${report?._id}`, 'otherSupervisor')).body[
        'departments'
      ] as unknown[],
    ).toEqual([]);
    expect((await call('GET', `/reports/day-end/${report?._id}`, 'crewOne')).status).toBe(403);
    // Before its end, and on a day off, there is nothing to sweep.
    expect(await sweep.sweep(new Date(evening.getTime() - 14 * 3_600_000))).toBeUndefined();
    expect(
      (await call('POST', `/work-orders/${id}/cancel`, 'supervisor', { reason: '测试结束' })).status,
    ).toBe(200);
  });

  it('escalates a late order step by step, never early, once each, and not at all once it is done; timers survive a loss of Redis', async () => {
    const open = (title: string) =>
      call('POST', '/work-orders', 'supervisor', {
        title,
        assetId: 'NY-RR-003',
        priority: 'P1',
        taskType: 'fixture-replacement',
        standardHours: 2,
      });
    // The supervisor the ladder tells, with an address the local mail server receives for.
    const tag = `esc${Date.now().toString(36)}`;
    expect(
      (await call('POST', '/directory/departments', 'admin', { id: 'general-affairs', name: '综合处' }))
        .status,
    ).toBe(201);
    const person = {
      id: 'u-supervisor',
      name: '陈主管',
      roles: ['supervisor'],
      department: 'general-affairs',
      email: `${tag}@bureau.test`,
    };
    expect((await call('POST', '/directory/people', 'admin', person)).status).toBe(201);
    const late = (await open(`卫生间漏水 ${tag}`)).body as Order;
    const finished = (await open('门锁损坏')).body as Order;
    await call('POST', `/work-orders/${finished.id}/cancel`, 'supervisor', { reason: '重复报修' });

    // Lose every timer: the reconciliation rebuilds them from the database.
    const redis = new Redis(engineEnv()['REDIS_URL'] as string);
    const jobsPrefix = service.app.get<{ JOBS_PREFIX: string }>(PLATFORM_CONFIG).JOBS_PREFIX;
    const keys = await redis.keys(`${jobsPrefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    if (keys.length) await redis.del(...keys);
    await redis.quit();

    // Response due after 1 minute (nobody started it), half the resolution time also after 1 minute.
    const escalated = await waitFor(
      'the first escalations',
      async () => {
        const o = (await call('GET', `/work-orders/${late.id}`, 'supervisor')).body as Order;
        return o.escalations.length >= 2 ? o : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(escalated.escalations.map((e) => e.stepId).sort()).toEqual(['notify-supervisor', 'remind-crew']);
    for (const e of escalated.escalations)
      expect(new Date(e.at).getTime()).toBeGreaterThanOrEqual(new Date(e.dueAt).getTime());
    // Several reconciliations later, still once each.
    await new Promise((r) => setTimeout(r, 7_000));
    const again = (await call('GET', `/work-orders/${late.id}`, 'supervisor')).body as Order;
    expect(again.escalations.filter((e) => e.stepId === 'remind-crew')).toHaveLength(1);
    expect(again.escalations.filter((e) => e.stepId === 'notify-supervisor')).toHaveLength(1);
    // A caller whose clock reads before the steps were recorded (a long sweep, another instance's
    // clock a little behind) judges the order at the latest step instead of failing, and sends
    // nothing again.
    const behind = new Date(Math.max(...again.escalations.map((e) => Date.parse(e.at))) - 60_000);
    const escalations = service.app.get(Escalations);
    await expect(escalations.fire(late.id, behind)).resolves.toBe(0);
    await expect(escalations.reconcile(() => behind)).resolves.toBeGreaterThan(0);
    const still = (await call('GET', `/work-orders/${late.id}`, 'supervisor')).body as Order;
    expect(still.escalations).toHaveLength(again.escalations.length);
    const events = (await read(WorkOrderEscalatedV1, 2)).filter((e) => e.workOrderId === late.id);
    expect(events.map((e) => e.stepId).sort()).toEqual(
      expect.arrayContaining(['notify-supervisor', 'remind-crew']),
    );
    expect(new Set(events.map((e) => e.stepId)).size).toBe(events.length);
    const cancelled = (await call('GET', `/work-orders/${finished.id}`, 'supervisor')).body as Order;
    expect(cancelled.escalations).toEqual([]);
    // The supervisor's step reached the supervisor's inbox once (the crew step had nobody: unassigned).
    const inbox = await waitFor('the escalation e-mail', async () => {
      const res = await fetch(
        `${engineEnv()['MAILPIT_API_URL']}/api/v1/search?query=${encodeURIComponent(`to:"${tag}@bureau.test"`)}`,
      );
      const found = ((await res.json()) as { messages: { Subject: string }[] }).messages;
      return found.length > 0 ? found : undefined;
    });
    await new Promise((r) => setTimeout(r, 3_000));
    const res = await fetch(
      `${engineEnv()['MAILPIT_API_URL']}/api/v1/search?query=${encodeURIComponent(`to:"${tag}@bureau.test"`)}`,
    );
    const all = ((await res.json()) as { messages: { Subject: string }[] }).messages;
    expect(all).toHaveLength(1);
    expect(inbox[0].Subject).toContain(tag);
  }, 180_000);
});

import type { Admin, Producer } from 'kafkajs';
import {
  AssetStateV1,
  decodeEvent,
  encodeEvent,
  RemediationCancelledV1,
  RemediationFundedV1,
  ShortfallDetectedV2,
  WorkOrderCancelledV1,
  type DataOf,
  type EnvelopeOf,
  type EventContract,
} from '@buqi/contracts';
import { generateProblem } from '@buqi/domain-allocation';
import { createEvent } from '@buqi/messaging';
import { readTopic, waitFor, waitForGroupAtEnd } from '@buqi/testing';
import { callerOf } from '@buqi/auth';
import { VersionConflictError } from '@buqi/messaging';
import { CommitFunds } from '../budgets/use-cases/budget-years.use-cases';
import { ApprovePlan } from './use-cases/approve-plan.use-case';
import { Optimiser } from '../optimiser/optimiser';
import { PlanRepository } from './persistence/plan.repository';
import { commitmentOf, FundPlan } from './use-cases/fund-plan';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// Investment plans through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let producer: Producer;
let admin: Admin;
const token: Record<string, string> = {};
const PEOPLE: Record<string, string[]> = {
  finance: ['finance'],
  // Holds two roles: may sign either step, but not both of one plan.
  financeAndHead: ['finance', 'department-head'],
  head: ['department-head'],
  leaderZhou: ['leadership'],
  leaderWu: ['leadership'],
  assetManager: ['asset-manager'],
  admin: ['admin'],
  crew: ['crew-member'],
};

beforeAll(async () => {
  // Every remedy above 0 fen waits for the plan: nothing here is funded by rule.
  service = await startServiceApp('plans', { FUNDING_SMALL_REPAIR_LIMIT: '0' });
  for (const [who, roles] of Object.entries(PEOPLE))
    token[who] = await service.issuer.token({ sub: `u-${who}`, name: who, roles });
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

async function publish<C extends EventContract>(contract: C, data: DataOf<C>): Promise<void> {
  const event = createEvent(contract, data, { source: 'test', actor: { kind: 'system', id: 'test' } });
  const topic = service.prefix + contract.topic;
  await producer.send({
    topic,
    messages: [{ key: contract.key(data), value: encodeEvent(contract, event) }],
  });
  await waitForGroupAtEnd(admin, `${service.prefix}budget-allocation`, topic);
}

async function read<C extends EventContract>(contract: C, atLeast: number): Promise<DataOf<C>[]> {
  await service.outboxDrained();
  return (await readTopic(service.kafka, service.prefix + contract.topic, { atLeast })).map(
    (m) => (decodeEvent(contract, m.value) as EnvelopeOf<C>).data as DataOf<C>,
  );
}

const call = (method: string, path: string, who: string, body?: unknown, headers?: Record<string, string>) =>
  service.call(method, path, {
    token: token[who],
    ...(body !== undefined && { body }),
    ...(headers && { headers }),
  });

type Plan = {
  id: string;
  status: string;
  version: number;
  totalFen: number;
  items: { candidateId: string; option: string; costFen: number; envelope: string; remediationId: string }[];
  chain: { role: string }[];
  approvals: { by: string }[];
  progress?: { objective: number; gap?: number };
  solution?: { objective: number; gap?: number };
  revisions: { number: number; by: string; reason: string; added: unknown[]; removed: unknown[] }[];
};

async function solved(id: string): Promise<Plan> {
  return waitFor(
    `plan ${id} solved`,
    async () => {
      const plan = (await call('GET', `/plans/${id}`, 'finance')).body as Plan;
      return plan.status === 'solving' ? undefined : plan;
    },
    { timeoutMs: 60_000 },
  );
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
  expect((await call('POST', '/quotas', 'finance', body)).status).toBe(201);
}

const roads = ['NY-RD-021', 'NY-RD-022', 'NY-RD-023', 'NY-RD-024'];
const restrooms = ['NY-RR-031', 'NY-RR-032'];
const shortfallOf = (assetId: string) => `${assetId}-below-quality-standard-1`;

describe('the investment plan', () => {
  let plan: Plan;

  beforeAll(async () => {
    await quota('pothole-patch', 'm2', 6_000, 9_500);
    await quota('resurfacing', 'm2', 4_000, 8_000);
    await quota('fixture-replacement', 'fixture', 12_000, 45_000);
    const year = {
      fiscalYear: 2026,
      // Two patches and a fixture job from maintenance, one resurfacing from capital: not everything.
      envelopes: { maintenance: 1_500_000, capital: 10_080_000, 'emergency-reserve': 1_000_000 },
      reason: '2026 年度预算',
    };
    expect((await call('POST', '/budgets', 'finance', year)).status).toBe(201);
    for (const [i, assetId] of roads.entries()) {
      await publish(AssetStateV1, { ...AssetStateV1.example, assetId, size: { areaM2: 840, lengthM: 120 } });
      await publish(ShortfallDetectedV2, {
        ...ShortfallDetectedV2.example,
        shortfallId: shortfallOf(assetId),
        assetId,
        action: 'medium-repair',
        damage: { quantity: 42.5, unit: 'm2' },
        conditionIndex: 50 + i * 8,
        detectedAt: '2026-11-02T09:15:00.000Z',
        openedAt: '2026-11-02T09:15:00.000Z',
      });
    }
    for (const assetId of restrooms)
      await publish(ShortfallDetectedV2, {
        ...ShortfallDetectedV2.example,
        shortfallId: shortfallOf(assetId),
        assetId,
        assetClass: 'restroom',
        damage: { quantity: 2, unit: 'fixtures' },
        conditionIndex: 55,
        detectedAt: '2026-11-02T09:15:00.000Z',
        openedAt: '2026-11-02T09:15:00.000Z',
      });
    // Leadership signs plans above ¥10,000 (this one is).
    const policy = {
      steps: [
        { role: 'finance', label: '财务审核' },
        { role: 'department-head', label: '部门负责人' },
        { role: 'leadership', label: '局领导集体决策', aboveFen: 1_000_000 },
      ],
      reason: '三重一大: 1 万元以上集体决策',
    };
    expect((await call('PUT', '/plans/approval-policy', 'finance', policy)).status).toBe(403);
    expect((await call('PUT', '/plans/approval-policy', 'admin', policy)).status).toBe(200);
  });

  it('refuses a bad plan request with a 4xx naming the field and the value', async () => {
    const base = { fiscalYear: 2026, reason: '2026 年度补短板计划' };
    const over = await call('POST', '/plans', 'assetManager', {
      ...base,
      budgetFen: { maintenance: 1_500_001 },
    });
    expect(over.status).toBe(422);
    expect(over.body['detail']).toContain('budgetFen.maintenance');
    expect(over.body['detail']).toContain('1500001');
    const cycle = await call('POST', '/plans', 'assetManager', {
      ...base,
      dependencies: {
        [shortfallOf(roads[0])]: [shortfallOf(roads[1])],
        [shortfallOf(roads[1])]: [shortfallOf(roads[0])],
      },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body['detail']).toContain('dependency cycle');
    expect(cycle.body['errors']).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^dependencies\.NY-RD-02[12]-/) }),
    ]);
    const unknown = await call('POST', '/plans', 'assetManager', {
      ...base,
      dependencies: { [shortfallOf(roads[0])]: ['NY-RD-999-below-quality-standard-1'] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body['detail']).toContain('NY-RD-999');
    for (const money of [-1, 10.5, 2 ** 53])
      expect(
        (await call('POST', '/plans', 'assetManager', { ...base, budgetFen: { capital: money } })).status,
      ).toBe(400);
    expect((await call('POST', '/plans', 'assetManager', { ...base, fiscalYear: 2031 })).status).toBe(404);
    expect((await call('POST', '/plans', 'crew', base)).status).toBe(403);
    expect((await call('POST', '/plans', 'head', base)).status).toBe(403);
    expect((await call('GET', '/plans', 'crew')).status).toBe(403);
  });

  it('solves as a job, showing the best plan so far, and proposes one within every budget', async () => {
    const started = await call('POST', '/plans', 'assetManager', {
      fiscalYear: 2026,
      timeLimitSeconds: 5,
      reason: '2026 年度补短板计划',
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/plans/${started.body['id'] as string}`);
    expect(started.body).toMatchObject({ status: 'solving', candidateCount: 6, items: [] });
    plan = await solved(started.body['id'] as string);
    expect(plan.status).toBe('proposed');
    expect(plan.progress?.objective).toBe(plan.solution?.objective);
    expect(plan.solution?.gap).toBeGreaterThanOrEqual(0);
    const spent = (envelope: string) =>
      plan.items.filter((i) => i.envelope === envelope).reduce((sum, i) => sum + i.costFen, 0);
    expect(spent('maintenance')).toBeLessThanOrEqual(1_500_000);
    expect(spent('capital')).toBeLessThanOrEqual(10_080_000);
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.items.length).toBeLessThan(6);
    expect(plan.chain.map((s) => s.role)).toEqual(['finance', 'department-head', 'leadership']);
    const listed = await call('GET', '/plans?status=proposed', 'head');
    expect(listed.body['items']).toEqual([
      expect.objectContaining({ id: plan.id, nextStep: expect.objectContaining({ role: 'finance' }) }),
    ]);
  });

  it('is signed in order, by the step’s role, by a different person at each step', async () => {
    expect((await call('POST', `/plans/${plan.id}/approvals`, 'head', {})).status).toBe(403);
    expect((await call('POST', `/plans/${plan.id}/approvals`, 'assetManager', {})).status).toBe(403);
    const first = await call('POST', `/plans/${plan.id}/approvals`, 'financeAndHead', {
      comment: '金额核对无误',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'proposed',
      approvals: [expect.objectContaining({ by: 'u-financeAndHead' })],
    });
    const again = await call('POST', `/plans/${plan.id}/approvals`, 'financeAndHead', {});
    expect(again.status).toBe(403);
    expect(again.body['detail']).toContain('another person');
    expect((await call('POST', `/plans/${plan.id}/approvals`, 'head', {})).status).toBe(200);
    // Nothing is committed before the last signature.
    const budget = (await call('GET', '/budgets/2026', 'finance')).body as { commitments: unknown[] };
    expect(budget.commitments).toHaveLength(0);
  });

  it('funds every item at the last signature, once, however often or concurrently it is signed', async () => {
    const [a, b] = await Promise.all([
      call('POST', `/plans/${plan.id}/approvals`, 'leaderZhou', {}),
      call('POST', `/plans/${plan.id}/approvals`, 'leaderWu', {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await call('POST', `/plans/${plan.id}/approvals`, 'leaderWu', {})).status).toBe(409);
    const approved = (await call('GET', `/plans/${plan.id}`, 'finance')).body as Plan & {
      funding: { fanOut: string };
    };
    expect(approved.status).toBe('approved');
    expect(approved.approvals).toHaveLength(3);
    expect(approved.funding.fanOut).toBe('done');

    const budget = (await call('GET', '/budgets/2026', 'finance')).body as {
      envelopes: Record<string, { committedFen: number }>;
      commitments: { id: string; amountFen: number }[];
    };
    expect(budget.commitments.map((c) => c.id).sort()).toEqual(plan.items.map((i) => i.remediationId).sort());
    const committed = budget.envelopes['maintenance'].committedFen + budget.envelopes['capital'].committedFen;
    expect(committed).toBe(plan.totalFen);

    const funded = await read(RemediationFundedV1, plan.items.length);
    expect(funded.map((f) => f.remediationId).sort()).toEqual(plan.items.map((i) => i.remediationId).sort());
    expect(funded[0]).toMatchObject({ fiscalYear: 2026, quotaVersion: 1 });
    for (const item of plan.items) {
      const c = (await call('GET', `/candidates/${item.candidateId}`, 'finance')).body;
      expect(c['funding']).toMatchObject({
        status: 'funded',
        planId: plan.id,
        remediationId: item.remediationId,
      });
    }
  });

  it('changes once approved only by a revision that records who, why and the difference', async () => {
    const current = (await call('GET', `/plans/${plan.id}`, 'finance')).body as Plan;
    const outside = [...roads, ...restrooms]
      .map(shortfallOf)
      .find((id) => !current.items.some((i) => i.candidateId === id));
    const removed = current.items.find((i) => i.envelope === 'maintenance') ?? current.items[0];
    const revision = {
      remove: [removed.candidateId],
      add: [{ candidateId: outside, option: outside?.includes('-RR-') ? 'replace-fixtures' : 'patch' }],
      reason: '该路段并入区里改造工程',
    };
    const path = `/plans/${plan.id}/revisions`;
    expect((await call('POST', path, 'finance', revision)).status).toBe(428);
    expect(
      (await call('POST', path, 'assetManager', revision, { 'if-match': `"${current.version}"` })).status,
    ).toBe(403);
    const badOption = await call(
      'POST',
      path,
      'finance',
      { ...revision, add: [{ candidateId: outside, option: 'resurface-twice' }] },
      { 'if-match': `"${current.version}"` },
    );
    expect(badOption.status).toBe(422);
    expect(badOption.body['detail']).toContain('add[0].option');
    const revised = await call('POST', path, 'finance', revision, { 'if-match': `"${current.version}"` });
    expect(revised.body).toMatchObject({ revisions: expect.any(Array) });
    expect(revised.status).toBe(200);
    const after = revised.body as Plan;
    expect(after.revisions).toEqual([
      expect.objectContaining({
        number: 1,
        by: 'u-finance',
        reason: revision.reason,
        removed: [expect.objectContaining({ candidateId: removed.candidateId })],
        added: [expect.objectContaining({ candidateId: outside })],
      }),
    ]);
    expect(after.items.map((i) => i.candidateId)).not.toContain(removed.candidateId);
    expect(after.items.map((i) => i.candidateId)).toContain(outside);
    // The same revision again, on the version read before it: a 409, nothing changed twice.
    expect(
      (await call('POST', path, 'finance', revision, { 'if-match': `"${current.version}"` })).status,
    ).toBe(409);

    const budget = (await call('GET', '/budgets/2026', 'finance')).body as { commitments: { id: string }[] };
    expect(budget.commitments.map((c) => c.id)).not.toContain(removed.remediationId);
    expect(budget.commitments.map((c) => c.id)).toContain(`rem-${outside}`);
    const cancelled = await read(RemediationCancelledV1, 1);
    expect(cancelled).toEqual([
      expect.objectContaining({ remediationId: removed.remediationId, planId: plan.id }),
    ]);
    const back = (await call('GET', `/candidates/${removed.candidateId}`, 'finance')).body;
    expect(back['funding']).toMatchObject({ status: 'deferred', reason: 'funding-withdrawn' });

    // Adding more than the year holds is refused whole, naming the limit.
    const rest = [...roads, ...restrooms]
      .map(shortfallOf)
      .filter((id) => !after.items.some((i) => i.candidateId === id));
    const tooMuch = await call(
      'POST',
      path,
      'finance',
      {
        add: rest.map((candidateId) => ({
          candidateId,
          option: candidateId.includes('-RR-') ? 'replace-fixtures' : 'resurface',
        })),
        reason: '全部纳入',
      },
      { 'if-match': `"${after.version}"` },
    );
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body['code']).toBe('insufficient-budget');
    expect(tooMuch.body['detail']).toMatch(/envelopes\.(capital|maintenance)/);
  });

  it('gives back what cancelled work had committed, once', async () => {
    const current = (await call('GET', `/plans/${plan.id}`, 'finance')).body as Plan;
    const item = current.items[0];
    const before = (await call('GET', '/budgets/2026', 'finance')).body as {
      envelopes: Record<string, { committedFen: number }>;
    };
    const cancelled = {
      workOrderId: 'wo-2026-000201',
      remediationId: item.remediationId,
      fiscalYear: 2026,
      shortfallId: item.candidateId,
      assetId: 'NY-RD-021',
      reason: '区里统一改造',
      cancelledBy: 'u-supervisor',
      cancelledAt: '2026-11-28T09:00:00.000Z',
    };
    await publish(WorkOrderCancelledV1, cancelled);
    await publish(WorkOrderCancelledV1, cancelled);
    const after = (await call('GET', '/budgets/2026', 'finance')).body as {
      envelopes: Record<string, { committedFen: number }>;
      commitments: { id: string }[];
    };
    expect(after.envelopes[item.envelope].committedFen).toBe(
      before.envelopes[item.envelope].committedFen - item.costFen,
    );
    expect(after.commitments.map((c) => c.id)).not.toContain(item.remediationId);
    const c = (await call('GET', `/candidates/${item.candidateId}`, 'finance')).body;
    expect(c['funding']).toMatchObject({ status: 'deferred', reason: 'funding-withdrawn' });
  });

  it('exports the plan as a workbook with its items, approvals and revisions', async () => {
    const res = await fetch(`${service.url}/plans/${plan.id}/export.xlsx`, {
      headers: { authorization: `Bearer ${token['finance']}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['计划概要', '计划项目', '审批记录', '调整记录']);
    const current = (await call('GET', `/plans/${plan.id}`, 'finance')).body as Plan;
    expect(workbook.getWorksheet('计划项目')?.rowCount).toBe(current.items.length + 1);
    expect(workbook.getWorksheet('审批记录')?.rowCount).toBe(4);
    expect(workbook.getWorksheet('调整记录')?.rowCount).toBe(2);
  });

  it('is finished by the sweep when a crash interrupts the funding, committing and announcing once', async () => {
    const started = await call('POST', '/plans', 'assetManager', {
      fiscalYear: 2026,
      timeLimitSeconds: 5,
      reason: '补充计划',
    });
    expect(started.status).toBe(202);
    const second = await solved(started.body['id'] as string);
    expect(second.status).toBe('proposed');
    expect(second.items.length).toBeGreaterThan(0);
    // Two finance officers sign the first step at the same moment, through the use case itself (no
    // HTTP in between to put one behind the other): the version guard lets exactly one take it.
    expect(second.chain[0].role).toBe('finance');
    const officer = (id: string) =>
      callerOf({ kind: 'user', id, name: id, roles: ['finance'] }, {}, new Date());
    const approve = service.app.get(ApprovePlan);
    const race = await Promise.allSettled([
      approve.execute(second.id, {}, officer('u-qian')),
      approve.execute(second.id, {}, officer('u-sun')),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(race.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.any(VersionConflictError),
    });
    expect(((await call('GET', `/plans/${second.id}`, 'finance')).body as Plan).approvals).toHaveLength(1);
    for (const step of second.chain.slice(1, -1))
      expect(
        (
          await call(
            'POST',
            `/plans/${second.id}/approvals`,
            step.role === 'finance' ? 'finance' : 'head',
            {},
          )
        ).status,
      ).toBe(200);
    const fundedBefore = (await read(RemediationFundedV1, 0)).length;

    // The last signature written, then the process died: the plan is left funding, with its
    // commitments made (step 1) but the plan not yet approved (step 2).
    const plans = service.app.get(PlanRepository);
    const signedAt = new Date(Date.now() - 120_000);
    const stored = await plans.get(second.id);
    await plans.update(second.id, stored.version, {
      $push: {
        approvals: { step: second.chain.length - 1, role: 'leadership', by: 'u-leaderZhou', at: signedAt },
      },
      $set: { status: 'funding', funding: { startedAt: signedAt } },
    });
    await service.app.get(CommitFunds).all(
      2026,
      stored.items.map((item) => commitmentOf(stored, item)),
      { actor: { kind: 'system', id: 'test' }, now: signedAt },
    );

    const fund = service.app.get(FundPlan);
    expect(await fund.sweep()).toBe(1);
    expect(await fund.sweep()).toBe(0);
    const approved = (await call('GET', `/plans/${second.id}`, 'finance')).body as Plan & {
      funding: { fanOut: string };
    };
    expect(approved.status).toBe('approved');
    expect(approved.funding.fanOut).toBe('done');
    const funded = await read(RemediationFundedV1, fundedBefore + approved.items.length);
    expect(funded).toHaveLength(fundedBefore + approved.items.length);
    const budget = (await call('GET', '/budgets/2026', 'finance')).body as {
      commitments: { id: string; amountFen: number }[];
    };
    for (const item of approved.items)
      expect(budget.commitments.filter((c) => c.id === item.remediationId)).toEqual([
        expect.objectContaining({ amountFen: item.costFen }),
      ]);
  });

  it('solves off the main thread: consumers and /health/ready answer during a long solve', async () => {
    let solving = true;
    const solve = service.app.get(Optimiser).anytime(generateProblem(1_000, 1), 5);
    solve.finally(() => (solving = false)).catch(() => undefined);
    const health = await fetch(`${service.url}/health/ready`);
    // A shortfall arrives and is consumed while the solve runs.
    await publish(ShortfallDetectedV2, {
      ...ShortfallDetectedV2.example,
      shortfallId: 'NY-RR-033-below-quality-standard-1',
      assetId: 'NY-RR-033',
      assetClass: 'restroom',
      damage: { quantity: 1, unit: 'fixtures' },
      detectedAt: '2026-11-29T09:15:00.000Z',
      openedAt: '2026-11-29T09:15:00.000Z',
    });
    const consumedWhileSolving = solving;
    const candidate = await call('GET', '/candidates/NY-RR-033-below-quality-standard-1', 'finance');
    await solve;
    expect(health.status).toBe(200);
    expect(consumedWhileSolving).toBe(true);
    expect(candidate.status).toBe(200);
  });
});

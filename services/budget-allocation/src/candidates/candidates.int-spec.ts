import type { Admin, Producer } from 'kafkajs';
import {
  AssetStateV1,
  decodeEvent,
  encodeEvent,
  RemediationDeferredV1,
  RemediationFundedV1,
  TOPICS,
  WorkOrderCompletedV1,
  type EnvelopeOf,
  ShortfallDetectedV2,
  ShortfallResolvedV1,
  type DataOf,
  type EventContract,
} from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { readTopic, waitForGroupAtEnd } from '@buqi/testing';
import { BookActual } from '../budgets/use-cases/book-actual.use-case';
import { CandidateRepository } from './persistence/candidate.repository';
import { ConsiderShortfall } from './use-cases/consider-shortfall.use-case';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// Remediation candidates through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let finance: string;
let crew: string;
let producer: Producer;
let admin: Admin;

beforeAll(async () => {
  service = await startServiceApp('candidates');
  finance = await service.issuer.token({ sub: 'u-qian', roles: ['finance'] });
  crew = await service.issuer.token({ sub: 'u-zhao', roles: ['crew-member'] });
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

/** Publishes the event `times` times (the same bytes: a redelivery), then waits until it is consumed. */
async function publish<C extends EventContract>(contract: C, data: DataOf<C>, times = 1): Promise<void> {
  const event = createEvent(contract, data, {
    source: 'asset-inventory',
    actor: { kind: 'system', id: 'test' },
  });
  const value = encodeEvent(contract, event);
  const topic = service.prefix + contract.topic;
  for (let n = 0; n < times; n++)
    await producer.send({ topic, messages: [{ key: contract.key(data), value }] });
  await waitForGroupAtEnd(admin, `${service.prefix}budget-allocation`, topic);
}

async function quota(taskType: string, labourFenPerUnit: number, materialsFenPerUnit: number) {
  const body = {
    taskType,
    name: taskType,
    unit: 'm2',
    standardHoursPerUnit: 0.5,
    labourFenPerUnit,
    materialsFenPerUnit,
    quality: { checklist: ['平整密实'], acceptance: [] },
    effectiveFrom: '2026-01-01',
    reason: '2026 定额',
  };
  expect((await service.call('POST', '/quotas', { token: finance, body })).status).toBe(201);
}

const candidate = async (id: string) =>
  (await service.call('GET', `/candidates/${id}`, { token: finance })).body as Record<string, unknown> & {
    options: Record<string, unknown>[];
  };

const road = { ...AssetStateV1.example, assetId: 'NY-RD-012', size: { areaM2: 840, lengthM: 120 } };
const potholes: DataOf<typeof ShortfallDetectedV2> = {
  ...ShortfallDetectedV2.example,
  shortfallId: 'NY-RD-012-below-quality-standard-1',
  action: 'medium-repair',
  damage: { quantity: 42.5, unit: 'm2' },
  conditionIndex: 64.8,
  detectedAt: '2026-11-02T09:15:00.000Z',
  openedAt: '2026-11-02T09:15:00.000Z',
};

describe('remediation candidates', () => {
  it('makes one candidate per shortfall opening however often its event arrives, costed from the quotas', async () => {
    await quota('pothole-patch', 6_000, 9_500);
    await quota('resurfacing', 4_000, 8_000);
    await publish(AssetStateV1, road);
    await publish(ShortfallDetectedV2, potholes, 3);
    await publish(ShortfallDetectedV2, potholes); // the same detection in a new event

    const page = await service.call('GET', '/candidates?status=open', { token: finance });
    expect(page.body['total']).toBe(1);
    const c = await candidate(potholes.shortfallId);
    expect(c).toMatchObject({ status: 'open', assetId: 'NY-RD-012', department: 'general-affairs' });
    expect(c.options).toEqual([
      expect.objectContaining({
        option: 'patch',
        quantity: 42.5,
        unitPriceFen: 15_500,
        costFen: 658_750,
        quotaVersion: 1,
      }),
      // The whole segment (840 m², from asset.state.v1) at 120 yuan/m².
      expect.objectContaining({ option: 'resurface', quantity: 840, unit: 'm2', costFen: 10_080_000 }),
    ]);
    expect(c['riskScore']).toBeGreaterThan(0);
    expect(c['risk']).toHaveProperty('explanation');
    // Its cheapest option is above the small-repair limit (500,000 fen): it waits for the plan.
    expect(c['funding']).toMatchObject({ status: 'deferred', reason: 'awaits-plan' });
  });

  it('says why an option cannot be costed, and ranks candidates by risk', async () => {
    const device = {
      ...potholes,
      shortfallId: 'NY-DV-004-device-offline-1',
      assetId: 'NY-DV-004',
      assetClass: 'monitoring-device' as const,
      kind: 'device-offline' as const,
      rules: ['offline'],
      severity: 'critical' as const,
      safetyCritical: true,
      // Its asset's state is never heard of here: the event's building is all there is to weigh by.
      buildingId: 'NY-B01',
    };
    delete (device as Partial<typeof device>).damage;
    delete (device as Partial<typeof device>).conditionIndex;
    delete (device as Partial<typeof device>).action;
    await publish(ShortfallDetectedV2, device);
    expect((await candidate(device.shortfallId)).options).toEqual([
      expect.objectContaining({
        taskType: 'device-repair',
        quantity: 1,
        missing: 'no device-repair quota in force on 2026-11-02',
      }),
    ]);
    const ranked = await service.call('GET', '/candidates', { token: finance });
    const scores = (ranked.body['items'] as { riskScore: number }[]).map((i) => i.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((ranked.body['items'] as { id: string }[])[0].id).toBe(device.shortfallId);
  });

  it('withdraws a resolved shortfall’s candidate, and a late detection does not reopen it', async () => {
    const resolved = {
      shortfallId: potholes.shortfallId,
      assetId: 'NY-RD-012',
      resolution: 'repaired' as const,
      resolvedAt: '2026-11-20T10:00:00.000Z',
    };
    await publish(ShortfallResolvedV1, resolved, 2);
    expect(await candidate(potholes.shortfallId)).toMatchObject({
      status: 'withdrawn',
      resolution: 'repaired',
    });
    await publish(ShortfallDetectedV2, { ...potholes, detectedAt: '2026-11-21T10:00:00.000Z' });
    expect((await candidate(potholes.shortfallId))['status']).toBe('withdrawn');

    // Resolved before it was ever seen (another topic, another order): never opened.
    await publish(ShortfallResolvedV1, {
      ...resolved,
      shortfallId: 'NY-RR-003-coverage-gap-1',
      assetId: 'NY-RR-003',
    });
    await publish(ShortfallDetectedV2, {
      ...potholes,
      shortfallId: 'NY-RR-003-coverage-gap-1',
      assetId: 'NY-RR-003',
      assetClass: 'restroom',
      kind: 'coverage-gap',
    });
    expect((await candidate('NY-RR-003-coverage-gap-1'))['status']).toBe('withdrawn');
    expect((await service.call('GET', '/candidates/none-such-1', { token: finance })).status).toBe(404);
    // Candidates are for those who plan and pay, not for crews.
    expect((await service.call('GET', '/candidates', { token: crew })).status).toBe(403);
    expect((await service.call('GET', `/candidates/${potholes.shortfallId}`, { token: crew })).status).toBe(
      403,
    );
  });

  it('funds a small repair once from maintenance, and a safety-critical one from the reserve, however often they arrive', async () => {
    const year = {
      fiscalYear: 2026,
      envelopes: { maintenance: 100_000_000, 'emergency-reserve': 10_000_000 },
      reason: '2026 年度预算',
    };
    expect((await service.call('POST', '/budgets', { token: finance, body: year })).status).toBe(201);
    await quota('fixture-replacement', 12_000, 45_000);
    await quota('device-repair', 30_000, 90_000);
    // NY-DV-004, deferred above for want of a device-repair quota, is decided again once the quota
    // version comes back on its topic: safety-critical, so funded from the reserve.
    await service.outboxDrained();
    await waitForGroupAtEnd(
      admin,
      `${service.prefix}budget-allocation`,
      service.prefix + TOPICS.serviceQuota,
    );
    const device = await candidate('NY-DV-004-device-offline-1');
    expect(device['funding']).toMatchObject({
      status: 'funded',
      envelope: 'emergency-reserve',
      amountFen: 120_000,
    });
    // Weighed again by the building its event named, not by its site.
    const { consequence } = device['risk'] as {
      consequence: { factors: { name: string; input: unknown }[] };
    };
    expect(consequence.factors.find((f) => f.name === 'place importance')?.input).toBe('NY-B01');
    const fixtures = {
      ...potholes,
      shortfallId: 'NY-RR-003-below-quality-standard-1',
      assetId: 'NY-RR-003',
      assetClass: 'restroom' as const,
      damage: { quantity: 2, unit: 'fixtures' },
    };
    const silent = {
      ...potholes,
      shortfallId: 'NY-DV-007-device-offline-1',
      assetId: 'NY-DV-007',
      assetClass: 'monitoring-device' as const,
      kind: 'device-offline' as const,
      rules: ['offline'],
      severity: 'critical' as const,
      safetyCritical: true,
    };
    await publish(ShortfallDetectedV2, fixtures, 3);
    await publish(ShortfallDetectedV2, fixtures); // the same detection in a new event
    await publish(ShortfallDetectedV2, silent, 2);

    expect((await candidate(fixtures.shortfallId))['funding']).toMatchObject({
      status: 'funded',
      envelope: 'maintenance',
      amountFen: 114_000,
      remediationId: `rem-${fixtures.shortfallId}`,
    });
    expect((await candidate(silent.shortfallId))['funding']).toMatchObject({
      status: 'funded',
      envelope: 'emergency-reserve',
      amountFen: 120_000,
    });
    const budget = (await service.call('GET', '/budgets/2026', { token: finance })).body as {
      envelopes: Record<string, { committedFen: number }>;
    };
    expect(budget.envelopes['maintenance'].committedFen).toBe(114_000);
    expect(budget.envelopes['emergency-reserve'].committedFen).toBe(240_000);

    await service.outboxDrained();
    const funded = (
      await readTopic(service.kafka, service.prefix + TOPICS.remediationFunded, { atLeast: 3 })
    ).map((m) => (decodeEvent(RemediationFundedV1, m.value) as EnvelopeOf<typeof RemediationFundedV1>).data);
    expect(funded.map((f) => f.shortfallId).sort()).toEqual(
      [silent.shortfallId, fixtures.shortfallId, 'NY-DV-004-device-offline-1'].sort(),
    );
    expect(funded.find((f) => f.shortfallId === fixtures.shortfallId)).toMatchObject({
      taskType: 'fixture-replacement',
      quotaVersion: 1,
      quantity: 2,
      standardHours: 1,
      fiscalYear: 2026,
    });
    const deferred = (
      await readTopic(service.kafka, service.prefix + TOPICS.remediationDeferred, { atLeast: 1 })
    ).map(
      (m) => (decodeEvent(RemediationDeferredV1, m.value) as EnvelopeOf<typeof RemediationDeferredV1>).data,
    );
    expect(deferred.map((d) => [d.shortfallId, d.reason]).sort()).toEqual(
      [
        [potholes.shortfallId, 'awaits-plan'],
        ['NY-DV-004-device-offline-1', 'not-costed'],
        // NY-RR-003's coverage gap was resolved before it was seen: never open, never decided.
      ].sort(),
    );
  });

  it('books actual costs once per completion event, against the commitment or else maintenance', async () => {
    const completion = (workOrderId: string, actualCostFen: number, remediationId?: string) => ({
      workOrderId,
      ...(remediationId && { remediationId }),
      assetId: 'NY-RR-003',
      completedBy: 'crew-restrooms-1',
      actualCostFen,
      labourHours: 1.5,
      completedAt: '2026-11-25T16:30:00.000Z',
    });
    const funded = completion('wo-2026-000131', 120_000, 'rem-NY-RR-003-below-quality-standard-1');
    await publish(WorkOrderCompletedV1, funded, 2);
    // Reopened after a failed verification and completed again: its own event, its own cost.
    await publish(WorkOrderCompletedV1, {
      ...funded,
      actualCostFen: 30_000,
      completedAt: '2026-11-27T10:00:00.000Z',
    });
    // An occupant's request nobody funded: charged to maintenance.
    await publish(WorkOrderCompletedV1, completion('wo-2026-000140', 50_000));
    const budget = (await service.call('GET', '/budgets/2026', { token: finance })).body as {
      envelopes: Record<string, { actualFen: number }>;
      actuals: { workOrderId: string; commitmentId?: string; amountFen: number }[];
    };
    expect(budget.envelopes['maintenance'].actualFen).toBe(200_000);
    expect(budget.envelopes['emergency-reserve'].actualFen).toBe(0);
    expect(budget.actuals).toHaveLength(3);
    expect(budget.actuals.filter((a) => a.commitmentId)).toHaveLength(2);
    // The fixtures were committed at 114,000 fen and cost 120,000 + 30,000: 36,000 over.
    const commitments = (budget as unknown as { commitments: Record<string, unknown>[] }).commitments;
    expect(commitments.find((c) => c['id'] === 'rem-NY-RR-003-below-quality-standard-1')).toMatchObject({
      amountFen: 114_000,
      actualFen: 150_000,
      varianceFen: 36_000,
    });
    // Nothing booked yet: no variance to speak of.
    expect(commitments.find((c) => c['id'] === 'rem-NY-DV-007-device-offline-1')).toMatchObject({
      actualFen: 0,
    });
    expect(commitments.find((c) => c['id'] === 'rem-NY-DV-007-device-offline-1')).not.toHaveProperty(
      'varianceFen',
    );

    // The handler run again for one event (a crash before the consumer recorded it): booked once.
    const book = service.app.get(BookActual);
    const again = completion('wo-2026-000150', 7_000);
    expect(await book.execute('completion-replayed', again)).toBe('booked');
    expect(await book.execute('completion-replayed', again)).toBe('already-booked');
    const after = (await service.call('GET', '/budgets/2026', { token: finance })).body as {
      envelopes: Record<string, { actualFen: number }>;
    };
    expect(after.envelopes['maintenance'].actualFen).toBe(207_000);

    // Unfunded work charged to the envelope it names.
    await publish(WorkOrderCompletedV1, { ...completion('wo-2026-000160', 9_000), envelope: 'capital' });
    const charged = (await service.call('GET', '/budgets/2026', { token: finance })).body as {
      envelopes: Record<string, { actualFen: number }>;
    };
    expect(charged.envelopes['capital'].actualFen).toBe(9_000);
    expect(charged.envelopes['maintenance'].actualFen).toBe(207_000);

    // A completion in a year with no budget is dead-lettered, and the consumer goes on.
    await publish(WorkOrderCompletedV1, {
      ...completion('wo-2029-000001', 1_000),
      completedAt: '2029-01-05T08:00:00.000Z',
    });
    const dlq = `${service.prefix}${TOPICS.workOrderCompleted}.dlq`;
    expect((await readTopic(service.kafka, dlq, { atLeast: 1 })).length).toBe(1);
  });
  it('decides a candidate that could not be costed once its asset’s state arrives, and once only', async () => {
    const lane = {
      ...potholes,
      shortfallId: 'NY-RD-031-below-quality-standard-1',
      assetId: 'NY-RD-031',
      action: 'major-repair' as const,
    };
    await publish(ShortfallDetectedV2, lane);
    expect(await candidate(lane.shortfallId)).toMatchObject({
      options: [
        expect.objectContaining({ option: 'resurface', missing: 'the asset’s area is not known yet' }),
      ],
      funding: { status: 'deferred', reason: 'not-costed' },
    });
    // Its state comes after it (topics are not ordered with each other), twice: 20 m² resurfaced at
    // 120 yuan/m² is a small repair, funded from maintenance.
    await publish(AssetStateV1, { ...road, assetId: 'NY-RD-031', size: { areaM2: 20, lengthM: 10 } }, 2);
    const c = await candidate(lane.shortfallId);
    expect(c.options).toEqual([
      expect.objectContaining({ option: 'resurface', quantity: 20, costFen: 240_000, quotaVersion: 1 }),
    ]);
    expect(c['funding']).toMatchObject({ status: 'funded', envelope: 'maintenance', amountFen: 240_000 });
    // Another state of the asset later finds it decided: nothing more.
    await publish(AssetStateV1, {
      ...road,
      assetId: 'NY-RD-031',
      version: road.version + 1,
      size: { areaM2: 30, lengthM: 10 },
    });
    await service.outboxDrained();
    const funded = (
      await readTopic(service.kafka, service.prefix + TOPICS.remediationFunded, { atLeast: 4 })
    ).map((m) => (decodeEvent(RemediationFundedV1, m.value) as EnvelopeOf<typeof RemediationFundedV1>).data);
    expect(funded.filter((f) => f.shortfallId === lane.shortfallId)).toEqual([
      expect.objectContaining({ amountFen: 240_000, quantity: 20, taskType: 'resurfacing' }),
    ]);
    const budget = (await service.call('GET', '/budgets/2026', { token: finance })).body as {
      commitments: { id: string; amountFen: number }[];
    };
    expect(budget.commitments.filter((x) => x.id === `rem-${lane.shortfallId}`)).toEqual([
      expect.objectContaining({ amountFen: 240_000 }),
    ]);
  });

  it('costs a waiting candidate again only at the version it was read at and while it waits, and decides one left undecided', async () => {
    const candidates = service.app.get(CandidateRepository);
    const id = 'NY-RD-032-below-quality-standard-1';
    await publish(ShortfallDetectedV2, {
      ...potholes,
      shortfallId: id,
      assetId: 'NY-RD-032',
      action: 'major-repair' as const,
    });
    const read = await candidates.getForDecision(id);
    expect(read.funding).toMatchObject({ status: 'deferred', reason: 'not-costed' });
    const { options, conditionIndex, risk, riskScore, priority } = read;
    const fields = { options, conditionIndex, risk, riskScore, priority };
    // Another delivery of a fact costed it first: this one's write is refused.
    expect(await candidates.recosted(id, read.version - 1, fields, new Date())).toBe(false);
    // Costed again at its version, then a crash before the funding rules ran: it has no decision.
    expect(await candidates.recosted(id, read.version, fields, new Date())).toBe(true);
    // No longer deferred as not costed: not costed again, even at its new version.
    expect(await candidates.recosted(id, read.version + 1, fields, new Date())).toBe(false);
    expect((await candidates.getForDecision(id)).funding).toBeUndefined();
    // The next consideration decides it (still not costed: its area is unknown).
    await service.app.get(ConsiderShortfall).reconsider(id);
    expect((await candidates.getForDecision(id)).funding).toMatchObject({
      status: 'deferred',
      reason: 'not-costed',
    });
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import {
  decodeEvent,
  RemediationFundedV1,
  ShortfallDetectedV2,
  ShortfallResolvedV1,
  TOPICS,
  WorkOrderCompletedV1,
  WorkOrderCreatedV1,
  type EnvelopeOf,
  type EventContract,
} from '@buqi/contracts';
import {
  createTestIssuer,
  dropTestDatabase,
  engineEnv,
  freePort,
  readTopic,
  spawnService,
  uniqueName,
  waitFor,
  waitForGroupAtEnd,
  type SpawnedService,
  type TestIssuer,
} from '@buqi/testing';
import {
  createServicesClient,
  type Reading,
  type ServicesClient,
  type ShortfallView,
} from '@buqi/services-client';

// The whole loop across the three services, each its own process on the real engines: an odour
// sensor's readings in a restroom → a shortfall (asset-inventory) → a candidate funded by rule and
// remediation.funded.v1 (budget-allocation) → one work order (work-orders), done by its crew with the
// quota's quality checklist and verified by the supervisor → the actual cost booked against the
// commitment, and the shortfall resolved by clean air. One correlation id, chosen by the batch that
// found the foul air, follows the story to the cost booked.
const engines = engineEnv();
const name = uniqueName('e2e_loop');
const prefix = `${name}.`;
const SERVICES = ['asset-inventory', 'budget-allocation', 'work-orders'] as const;
type Service = (typeof SERVICES)[number];
const database = (service: Service) => `${name}_${service.replace('-', '_')}`;
const spawned: Partial<Record<Service, SpawnedService>> = {};
let issuer: TestIssuer;
let evidenceDir: string;
let kafka: Kafka;
let admin: Admin;
let buqi: ServicesClient;
const token: Record<string, string> = {};

const SITE = 'NY';
const ZONE = 'NY-A';
const RESTROOM = 'NY-RR-003';
const SENSOR = 'NY-DV-004';
const DEPARTMENT = 'general-affairs';
const TASK = 'odour-remediation';
const CHECKLIST = ['地漏水封完好', '排风扇运转正常', '除臭后氨气读数达标'];
// The quota: 300 yuan labour and 180 yuan materials a unit, 2.5 standard hours.
const UNIT_PRICE_FEN = 30_000 + 18_000;
// The crew's cost: two drain traps and a drum of deodoriser (165 yuan) and labour, 525 yuan in all.
const ACTUAL_FEN = 52_500;
const SHORTFALL = `${RESTROOM}-sensor-threshold-1`;
const REMEDIATION = `rem-${SHORTFALL}`;
const ORDER = `wo-${REMEDIATION}`;
const MINUTE = 60_000;
/** The story's correlation id: the device batch that finds the foul air starts it. */
const STORY = `odour-${randomUUID()}`;
const fiscalYear = new Date().getUTCFullYear();

async function start(service: Service): Promise<string> {
  const port = await freePort();
  const proc = spawnService({
    main: `services/${service}/src/main.ts`,
    env: {
      KAFKA_BROKERS: engines.KAFKA_BROKERS,
      MONGO_URL: engines.MONGO_URL,
      REDIS_URL: engines.REDIS_URL,
      ...issuer.env,
      MONGO_DB: database(service),
      KAFKA_TOPIC_PREFIX: prefix,
      JOBS_PREFIX: `${name}.${service}`,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      // The heartbeat and coverage sweeps stay out of the way: this story is about the odour.
      ...(service === 'asset-inventory' && { TELEMETRY_SWEEP_INTERVAL: '1h', COVERAGE_SWEEP_INTERVAL: '1h' }),
      ...(service === 'work-orders' && { EVIDENCE_DIR: evidenceDir }),
    },
    inheritEnv: true,
  });
  spawned[service] = proc;
  const url = `http://127.0.0.1:${port}`;
  await proc.waitForHttp(`${url}/health/ready`, { timeoutMs: 180_000 });
  return url;
}

/** waitFor, failing with the services' last words when the loop stalls. */
async function settle<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  try {
    return await waitFor(what, probe, { timeoutMs: 150_000, intervalMs: 500 });
  } catch (err) {
    const logs = SERVICES.map((s) => `--- ${s} ---\n${spawned[s]?.stdout().slice(-3000) ?? ''}`);
    throw new Error(`${(err as Error).message}\n${logs.join('\n')}`);
  }
}

/** Every event of a contract on its topic (with this run's prefix), once it holds at least `atLeast`. */
async function events<C extends EventContract>(contract: C, atLeast = 1): Promise<EnvelopeOf<C>[]> {
  const messages = await readTopic(kafka, prefix + contract.topic, { atLeast, timeoutMs: 120_000 });
  return messages.map((m) => decodeEvent(contract, m.value) as EnvelopeOf<C>);
}

/** Waits until a topic holds `atLeast` events and a service's consumer group has handled them all. */
const consumed = (service: Service, topic: string, atLeast = 1) =>
  waitForGroupAtEnd(admin, prefix + service, prefix + topic, { atLeast, timeoutMs: 150_000 });

/** NH3 readings, one a minute from `from` to `to` minutes before now. */
function nh3(from: number, to: number, ppm: number): Reading[] {
  const now = Date.now();
  return Array.from({ length: from - to + 1 }, (_, i) => ({
    metric: 'nh3',
    value: ppm,
    unit: 'ppm',
    at: new Date(now - (from - i) * MINUTE).toISOString(),
  }));
}

const openShortfallsOfRestroom = async (): Promise<ShortfallView[]> =>
  (await buqi.inventory.listShortfalls(token['manager'], { assetId: RESTROOM, status: 'open' })).items;

beforeAll(async () => {
  issuer = await createTestIssuer();
  evidenceDir = await mkdtemp(join(tmpdir(), 'buqi-loop-evidence-'));
  kafka = new Kafka({
    clientId: name,
    brokers: engines.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  admin = kafka.admin();
  await admin.connect();
  // One after another: each creates its topics at start, and the broker is not hurried.
  const assetInventory = await start('asset-inventory');
  const budgetAllocation = await start('budget-allocation');
  const workOrders = await start('work-orders');
  buqi = createServicesClient({ assetInventory, budgetAllocation, workOrders });
  const people: Record<string, Record<string, unknown>> = {
    manager: { sub: 'u-wang', name: '王工', roles: ['asset-manager'] },
    finance: { sub: 'u-qian', name: '钱会计', roles: ['finance'] },
    admin: { sub: 'u-admin', roles: ['admin'] },
    supervisor: { sub: 'u-chen', name: '陈主管', roles: ['supervisor'], department: DEPARTMENT },
    crew: { sub: 'u-li', name: '李师傅', roles: ['crew-member'], crew: 'restrooms-1' },
    otherCrew: { sub: 'u-zhao', name: '赵师傅', roles: ['crew-member'], crew: 'restrooms-2' },
  };
  for (const [who, claims] of Object.entries(people))
    token[who] = await issuer.token(claims, { ttlSeconds: 3600 });
}, 300_000);

afterAll(async () => {
  await admin?.disconnect();
  await Promise.all(Object.values(spawned).map((s) => s.stop('SIGTERM')));
  await issuer?.close();
  if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
  for (const service of SERVICES) await dropTestDatabase(engines.MONGO_URL, database(service));
}, 120_000);

/** The story's steps run in order: a step after a failed one fails at once, naming it. */
let stepsDone = 0;
function step(n: number, title: string, body: () => Promise<void>): void {
  it(title, async () => {
    if (stepsDone !== n - 1) throw new Error(`step ${n - 1} did not pass: nothing to go on from`);
    await body();
    stepsDone = n;
  });
}

describe('the closed loop: foul air in a restroom, found, funded, fixed, paid for and confirmed', () => {
  let sensorKey: string;
  let story: {
    detected: EnvelopeOf<typeof ShortfallDetectedV2>;
    funded: EnvelopeOf<typeof RemediationFundedV1>;
    completionId?: string;
  };

  step(1, 'sets up the campus, the year’s budget, the odour quota and the restroom crew', async () => {
    const { inventory, budget, workOrders } = buqi;
    await inventory.registerSite(token['manager'], {
      id: SITE,
      name: '机关南院',
      kind: 'government-compound',
      plan: { widthM: 400, heightM: 300 },
    });
    await inventory.addZone(token['manager'], SITE, {
      code: 'A',
      name: '主楼区',
      outline: [
        { x: 0, y: 0 },
        { x: 300, y: 0 },
        { x: 300, y: 200 },
        { x: 0, y: 200 },
      ],
    });
    await inventory.addBuilding(token['manager'], SITE, {
      code: 'B01',
      name: '人大办公楼',
      kind: 'office',
      zone: 'A',
      location: { x: 100, y: 60 },
      floors: 6,
      importance: 5,
    });
    const core = {
      zone: 'A',
      building: 'B01',
      location: { x: 120, y: 80 },
      installedOn: '2009-06-01',
      expectedLifeYears: 15,
      department: DEPARTMENT,
    };
    await inventory.registerRestroom(token['manager'], {
      code: RESTROOM,
      name: '人大办公楼三层男卫',
      ...core,
      criticality: 4,
      replacementCostFen: 50_400_000,
      restroom: {
        floor: 3,
        fixtures: [
          { kind: 'squat-toilet', count: 4 },
          { kind: 'urinal', count: 3 },
        ],
        accessible: true,
        dailyFootfall: 300,
        restroomClass: 'class-2',
      },
    });
    const registered = await inventory.registerMonitoringDevice(token['manager'], {
      code: SENSOR,
      name: '三层男卫氨气传感器',
      ...core,
      criticality: 3,
      replacementCostFen: 120_000,
      device: {
        kind: 'nh3-sensor',
        watches: { assetId: RESTROOM },
        reportingIntervalSeconds: 60,
        power: 'battery',
        link: 'wireless',
      },
    });
    // Commissioning gives the sensor a key of its own; the one from registration stops working.
    const issued = await inventory.issueDeviceKey(token['manager'], SENSOR);
    sensorKey = issued.apiKey;
    expect(issued.apiKey).not.toBe(registered.apiKey);
    expect((await inventory.getAsset(token['manager'], SENSOR)).deviceKey).toMatchObject({
      keyId: issued.deviceKey?.keyId,
      revoked: false,
    });
    await expect(
      inventory.postReadings(registered.apiKey, { readings: nh3(1, 1, 0.4) }),
    ).rejects.toMatchObject({ status: 401 });

    const opened = await budget.openYear(token['finance'], {
      fiscalYear,
      envelopes: { maintenance: 200_000_000, capital: 500_000_000, 'emergency-reserve': 20_000_000 },
      departmentCaps: { [DEPARTMENT]: 80_000_000 },
      zoneCaps: { [ZONE]: 30_000_000 },
      reason: `${fiscalYear} 年度运维预算`,
    });
    expect(opened.envelopes['maintenance']).toMatchObject({ limitFen: 200_000_000, committedFen: 0 });
    await budget.publishQuota(token['finance'], {
      taskType: TASK,
      name: '公厕异味治理',
      unit: 'unit',
      standardHoursPerUnit: 2.5,
      labourFenPerUnit: 30_000,
      materialsFenPerUnit: 18_000,
      quality: {
        checklist: CHECKLIST,
        acceptance: [{ criterion: '氨气浓度', threshold: '≤ 1 mg/m³ (GB/T 17217 二类)' }],
      },
      effectiveFrom: `${fiscalYear}-01-01`,
      reason: `${fiscalYear} 服务定额`,
    });

    await workOrders.addDepartment(token['admin'], { id: DEPARTMENT, name: '综合处' });
    for (const [id, crewName] of [
      ['restrooms-1', '公厕一班'],
      ['restrooms-2', '公厕二班'],
    ])
      await workOrders.addCrew(token['supervisor'], {
        id,
        name: crewName,
        department: DEPARTMENT,
        trades: ['restrooms', 'cleaning'],
        zones: [ZONE],
        capacityHoursPerDay: 16,
      });
    await workOrders.addPerson(token['admin'], {
      id: 'u-chen',
      name: '陈主管',
      roles: ['supervisor'],
      department: DEPARTMENT,
    });
    for (const [id, personName, crew] of [
      ['u-li', '李师傅', 'restrooms-1'],
      ['u-zhao', '赵师傅', 'restrooms-2'],
    ])
      await workOrders.addPerson(token['admin'], {
        id,
        name: personName,
        roles: ['crew-member'],
        department: DEPARTMENT,
        crew,
      });

    // What the other services keep of the campus (the site's three states, the two assets') and the
    // quota have arrived before the air turns.
    await consumed('budget-allocation', TOPICS.siteState, 3);
    await consumed('budget-allocation', TOPICS.assetState, 2);
    await consumed('work-orders', TOPICS.assetState, 2);
    const quota = await settle('the odour quota in work-orders', () =>
      workOrders.findQuota(token['supervisor'], TASK),
    );
    expect(quota.versions).toEqual([
      expect.objectContaining({ version: 1, quality: expect.objectContaining({ checklist: CHECKLIST }) }),
    ]);
  });

  step(
    2,
    'opens one shortfall from a foul-air run, funds it by rule and opens exactly one work order',
    async () => {
      const { inventory, budget, workOrders } = buqi;
      // Clean air finds nothing.
      expect(await inventory.postReadings(sensorKey, { readings: nh3(60, 45, 0.4) })).toMatchObject({
        deviceId: SENSOR,
        stored: 16,
        refused: [],
      });
      expect(await openShortfallsOfRestroom()).toEqual([]);

      // 3 ppm of NH3 (class 2 allows 1.44 ppm) for 19 minutes: past the 15 the standard tolerates.
      const report = await inventory.postReadings(
        sensorKey,
        { readings: nh3(40, 21, 3), batteryPct: 81, signalDbm: -67 },
        { correlationId: STORY },
      );
      expect(report).toMatchObject({ stored: 20, refused: [] });
      const shortfall = await inventory.getShortfall(token['manager'], SHORTFALL);
      expect(shortfall).toMatchObject({
        assetId: RESTROOM,
        kind: 'sensor-threshold',
        status: 'open',
        severity: 'major',
        safetyCritical: false,
        department: DEPARTMENT,
        findings: [expect.objectContaining({ rule: `sensor:nh3@${SENSOR}` })],
      });
      expect(shortfall.evidence[0]).toMatch(/^NY-DV-004 \(nh3-sensor\): nh3 above 1\.44 ppm .* 19 min/);

      const candidate = await settle('the candidate funded by the rules', async () => {
        const c = await budget.findCandidate(token['finance'], SHORTFALL);
        return c?.funding && c;
      });
      expect(candidate).toMatchObject({
        status: 'open',
        assetId: RESTROOM,
        options: [
          expect.objectContaining({
            option: 'odour-remediation',
            taskType: TASK,
            quantity: 1,
            unit: 'unit',
            quotaVersion: 1,
            unitPriceFen: UNIT_PRICE_FEN,
            costFen: UNIT_PRICE_FEN,
            standardHours: 2.5,
          }),
        ],
        // Not safety-critical and at most the small-repair limit: maintenance pays, at once.
        funding: {
          status: 'funded',
          remediationId: REMEDIATION,
          fiscalYear,
          envelope: 'maintenance',
          amountFen: UNIT_PRICE_FEN,
          option: 'odour-remediation',
          taskType: TASK,
          quotaVersion: 1,
        },
      });
      expect(candidate.riskScore).toBeGreaterThan(0);

      const committed = await budget.getYear(token['finance'], fiscalYear);
      expect(committed.commitments).toEqual([
        expect.objectContaining({
          id: REMEDIATION,
          envelope: 'maintenance',
          amountFen: UNIT_PRICE_FEN,
          department: DEPARTMENT,
          zoneId: ZONE,
          by: 'funding-rules',
          actualFen: 0,
        }),
      ]);
      expect(committed.envelopes['maintenance']).toMatchObject({
        committedFen: UNIT_PRICE_FEN,
        availableFen: 200_000_000 - UNIT_PRICE_FEN,
        actualFen: 0,
      });
      expect(committed.departmentCaps[DEPARTMENT]).toMatchObject({ committedFen: UNIT_PRICE_FEN });
      expect(committed.zoneCaps[ZONE]).toMatchObject({ committedFen: UNIT_PRICE_FEN });

      const order = await settle('the work order', async () => {
        const page = await workOrders.list(token['supervisor'], { assetId: RESTROOM });
        return page.total > 0 && page.items[0];
      });
      // Every funding event handled: still exactly one order, on this remediation.
      await consumed('work-orders', TOPICS.remediationFunded);
      const all = await workOrders.list(token['supervisor']);
      expect(all.items.map((o) => o.id)).toEqual([ORDER]);
      expect(order).toMatchObject({
        id: ORDER,
        source: 'remediation',
        remediationId: REMEDIATION,
        shortfallId: SHORTFALL,
        fiscalYear,
        assetId: RESTROOM,
        department: DEPARTMENT,
        zoneId: ZONE,
        priority: candidate.priority,
        taskType: TASK,
        quotaVersion: 1,
        quantity: 1,
        unit: 'unit',
        standardHours: 2.5,
        fundedFen: UNIT_PRICE_FEN,
        state: 'new',
      });

      const detected = (await events(ShortfallDetectedV2)).filter((e) => e.data.shortfallId === SHORTFALL);
      expect(detected.map((e) => e.data)).toEqual([
        expect.objectContaining({
          assetId: RESTROOM,
          assetClass: 'restroom',
          kind: 'sensor-threshold',
          severity: 'major',
          zoneId: ZONE,
          department: DEPARTMENT,
        }),
      ]);
      const funded = (await events(RemediationFundedV1)).filter((e) => e.data.remediationId === REMEDIATION);
      expect(funded).toHaveLength(1);
      expect(funded[0].data).toMatchObject({ shortfallId: SHORTFALL, amountFen: UNIT_PRICE_FEN });
      story = { detected: detected[0], funded: funded[0] };
    },
  );

  step(
    3,
    'is done by the assigned crew with the quota’s checklist, and verified by the supervisor',
    async () => {
      const { workOrders } = buqi;
      const assigned = await workOrders.assign(token['supervisor'], ORDER, {
        kind: 'crew',
        id: 'restrooms-1',
      });
      expect(assigned).toMatchObject({ state: 'assigned', assignee: { kind: 'crew', id: 'restrooms-1' } });

      // A crew member acts only on their crew's orders: the other crew neither sees nor starts it.
      expect((await workOrders.list(token['otherCrew'])).total).toBe(0);
      await expect(workOrders.start(token['otherCrew'], ORDER)).rejects.toMatchObject({ status: 403 });
      expect((await workOrders.list(token['crew'])).items.map((o) => o.id)).toEqual([ORDER]);
      expect(await workOrders.start(token['crew'], ORDER)).toMatchObject({ state: 'in-progress' });

      const closure = {
        notes: '清理地漏并更换防臭芯，检修排风扇，全面除臭',
        labourHours: 3,
        materials: [
          { name: '地漏防臭芯', quantity: 2, unit: '个', costFen: 7_000 },
          { name: '生物除臭剂', quantity: 1, unit: '桶', costFen: 9_500 },
        ],
        actualCostFen: ACTUAL_FEN,
      };
      // Completing needs every item of the checklist of the quota version the work was funded with.
      await expect(
        workOrders.complete(token['crew'], ORDER, {
          ...closure,
          checklist: CHECKLIST.slice(0, 2).map((item) => ({ item, passed: true })),
        }),
      ).rejects.toMatchObject({
        status: 422,
        body: { errors: [expect.objectContaining({ field: 'checklist', value: [CHECKLIST[2]] })] },
      });
      const completed = await workOrders.complete(token['crew'], ORDER, {
        ...closure,
        checklist: CHECKLIST.map((item) => ({ item, passed: true })),
      });
      expect(completed).toMatchObject({
        state: 'completed',
        closure: { labourHours: 3, actualCostFen: ACTUAL_FEN },
      });

      await expect(workOrders.verify(token['crew'], ORDER, 'perfect')).rejects.toMatchObject({ status: 403 });
      const verified = await workOrders.verify(token['supervisor'], ORDER, 'excellent', '异味消除，读数达标');
      expect(verified).toMatchObject({ state: 'verified', rating: 'excellent', allowed: [] });
      expect(verified.history.map((h) => [h.action, h.to, h.by])).toEqual([
        ['create', 'new', 'remediation-funding'],
        ['assign', 'assigned', 'u-chen'],
        ['start', 'in-progress', 'u-li'],
        ['complete', 'completed', 'u-li'],
        ['verify', 'verified', 'u-chen'],
      ]);
    },
  );

  step(
    4,
    'books the actual cost against the commitment, and the shortfall resolves on clean air',
    async () => {
      const { inventory, budget } = buqi;
      const booked = await settle('the actual cost booked', async () => {
        const year = await budget.getYear(token['finance'], fiscalYear);
        return year.actuals.length > 0 && year;
      });
      expect(booked.actuals).toEqual([
        expect.objectContaining({
          workOrderId: ORDER,
          envelope: 'maintenance',
          amountFen: ACTUAL_FEN,
          commitmentId: REMEDIATION,
        }),
      ]);
      expect(booked.commitments).toEqual([
        expect.objectContaining({
          id: REMEDIATION,
          amountFen: UNIT_PRICE_FEN,
          actualFen: ACTUAL_FEN,
          varianceFen: ACTUAL_FEN - UNIT_PRICE_FEN,
        }),
      ]);
      expect(booked.envelopes['maintenance']).toMatchObject({
        committedFen: UNIT_PRICE_FEN,
        actualFen: ACTUAL_FEN,
      });
      story.completionId = booked.actuals[0].completionId;

      // The shortfall waits for the sensor to confirm the repair; the work joins the restroom's history.
      const awaiting = await settle('the shortfall awaiting verification', async () => {
        const s = await inventory.getShortfall(token['manager'], SHORTFALL);
        return s.status === 'awaiting-verification' && s;
      });
      expect(awaiting.workOrderId).toBe(ORDER);
      const history = await settle('the maintenance record', async () => {
        const page = await inventory.maintenanceOf(token['manager'], RESTROOM);
        return page.total > 0 && page;
      });
      expect(history.items).toEqual([
        expect.objectContaining({
          workOrderId: ORDER,
          completedBy: 'restrooms-1',
          actualCostFen: ACTUAL_FEN,
          labourHours: 3,
          shortfallIds: [SHORTFALL],
          remediationId: REMEDIATION,
        }),
      ]);

      // Clean air since the repair: the repair held.
      await inventory.postReadings(sensorKey, { readings: nh3(4, 0, 0.3) });
      expect(await inventory.getShortfall(token['manager'], SHORTFALL)).toMatchObject({
        status: 'resolved',
        resolution: 'repaired',
        workOrderId: ORDER,
      });
      expect(await openShortfallsOfRestroom()).toEqual([]);
      const withdrawn = await settle('the candidate withdrawn as repaired', async () => {
        const c = await budget.findCandidate(token['finance'], SHORTFALL);
        return c?.status === 'withdrawn' && c;
      });
      expect(withdrawn).toMatchObject({ resolution: 'repaired', funding: { status: 'funded' } });
      const resolved = (await events(ShortfallResolvedV1)).filter((e) => e.data.shortfallId === SHORTFALL);
      expect(resolved.map((e) => e.data)).toEqual([
        expect.objectContaining({ assetId: RESTROOM, resolution: 'repaired', workOrderId: ORDER }),
      ]);
    },
  );

  step(5, 'carries one correlation id from the foul-air batch to the cost booked', async () => {
    expect(story.detected.correlationId).toBe(STORY);
    expect(story.funded.correlationId).toBe(STORY);

    const order = await buqi.workOrders.get(token['supervisor'], ORDER);
    expect(order.correlationId).toBe(STORY);
    const created = (await events(WorkOrderCreatedV1)).filter((e) => e.data.workOrderId === ORDER);
    expect(created.map((e) => e.correlationId)).toEqual([STORY]);

    // The commitment was made under it (budget-allocation's audit trail) …
    const audit = await buqi.auditTrail('budgetAllocation', token['admin'], {
      resourceType: 'budget-commitment',
      resourceId: `${fiscalYear}/${REMEDIATION}`,
    });
    expect(audit.items.map((a) => [a.action, a.actor.id, a.correlationId])).toEqual([
      ['budget.commit', 'funding-rules', STORY],
    ]);
    // … every move of the order was audited under it in work-orders …
    const moves = await buqi.auditTrail('workOrders', token['admin'], {
      resourceType: 'work-order',
      resourceId: ORDER,
    });
    expect(moves.items.map((a) => a.action).sort()).toEqual(
      ['workorder.assign', 'workorder.complete', 'workorder.start', 'workorder.verify'].sort(),
    );
    expect(new Set(moves.items.map((a) => a.correlationId))).toEqual(new Set([STORY]));
    // … and the cost was booked from the completion that carries it.
    const completions = (await events(WorkOrderCompletedV1)).filter((e) => e.data.workOrderId === ORDER);
    expect(completions.map((e) => [e.id, e.correlationId, e.data.actualCostFen])).toEqual([
      [story.completionId, STORY, ACTUAL_FEN],
    ]);
  });
});

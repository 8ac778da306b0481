import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { decodeEvent, TOPICS, WorkOrderEscalatedV1, type EnvelopeOf } from '@buqi/contracts';
import { nh3, readKeys, ROADS, seedServices, SENSORS } from '@buqi/demo';
import {
  CHINA_MAINLAND_OFFICE_WEEK,
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_SLA_POLICY,
  escalationsDue,
  PRIORITIES,
  workingCalendarOfYears,
  type SlaPolicy,
} from '@buqi/domain-sla';
import { readConsumerLag } from '@buqi/messaging';
import {
  createServicesClient,
  ServiceCallError,
  type Reading,
  type ServicesClient,
} from '@buqi/services-client';
import {
  createTestIssuer,
  freePort,
  readTopic,
  spawnService,
  uniqueName,
  waitFor,
  waitForGroupAtEnd,
  workspaceRoot,
  type SpawnedService,
  type TestIssuer,
} from '@buqi/testing';
import { FaultEngines } from './fault-engines';

export const SERVICES = ['asset-inventory', 'budget-allocation', 'work-orders'] as const;
export type Service = (typeof SERVICES)[number];

/** Every priority answered within a minute and resolved within two, round the clock: the ladder's
 * first three steps fall due while a scenario runs. */
export const FAULT_SLA: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  name: 'fault scenarios: answer within 1 minute, resolve within 2, round the clock',
  priorities: Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      { clock: '24x7', respond: { kind: 'within', minutes: 1 }, resolve: { kind: 'within', minutes: 2 } },
    ]),
  ) as SlaPolicy['priorities'],
};
/** How late a due escalation step may be sent (BullMQ's delay, a reconciliation sweep's interval). */
const ESCALATION_GRACE_MS = 30_000;
/** An outbox entry older than this has waited beyond any relay round (they run every second). */
const OUTBOX_STALE_MS = 15_000;
/** Where the run's service and engine logs are kept until the next run. */
const LOGS = join(workspaceRoot(), '.buqi', 'logs', 'faults');
const METRICS_TOKEN = 'faults-metrics-token-for-the-scenarios-only';

/** Grade C on the demo's artery (index 66.5): a medium repair, patched, which the funding rules pay for at once. */
const LOAD_SHEET = {
  notes: '坑槽较多',
  pavement: {
    distresses: [
      { type: 'pothole', quantity: 20 },
      { type: 'alligator-cracking', quantity: 20 },
      { type: 'linear-crack', quantity: 24 },
    ],
  },
};

/** A sensor of the campus and the key it reports with. */
interface Sensor {
  readonly code: string;
  readonly key: string;
}

export interface Counters {
  /** Messages on the run's topics (end offsets summed). */
  readonly messagesIn: number;
  /** Messages the services' consumer groups have committed past. */
  readonly messagesOut: number;
  /** Per instance (`service#i`): its process, and the deliveries its consumers recognised as
   * handled before and skipped (its /metrics, counted since that process started). */
  readonly duplicatesSuppressed: Record<string, { pid: number; count: number }>;
}

export interface InvariantReport {
  readonly readingsAcknowledged: number;
  readonly readingsStored: number;
  readonly readingsMissing: number;
  readonly readingsUnexpected: number;
  readonly shortfalls: number;
  readonly shortfallsWithoutCandidate: number;
  readonly funded: number;
  readonly fundedWithoutOrder: number;
  readonly ordersPerRemediationAbove1: number;
  readonly ordersWithoutFunding: number;
  readonly escalationsSent: number;
  readonly escalationStepsRepeated: number;
  readonly escalationsDueNotSent: number;
  readonly envelopesOverCommitted: number;
  readonly envelopeCountersWrong: number;
  readonly outboxEntriesLeft: number;
  readonly outboxEntriesParked: number;
  readonly consumerLag: number;
  readonly deadLettered: number;
}

/** The fields of a report that count faults: each must be zero. */
const VIOLATIONS = [
  'readingsMissing',
  'readingsUnexpected',
  'shortfallsWithoutCandidate',
  'fundedWithoutOrder',
  'ordersPerRemediationAbove1',
  'ordersWithoutFunding',
  'escalationStepsRepeated',
  'escalationsDueNotSent',
  'envelopesOverCommitted',
  'envelopeCountersWrong',
  'outboxEntriesLeft',
  'outboxEntriesParked',
  'consumerLag',
  'deadLettered',
] as const;

/** The invariants a report breaks, with their counts: `{}` when all hold. */
export const violations = (r: InvariantReport): Partial<InvariantReport> =>
  Object.fromEntries(VIOLATIONS.map((k) => [k, r[k]]).filter(([, v]) => v !== 0));

/**
 * The demo campus on the three services (`instances` processes of each) over the fault scenarios'
 * own engines, with a steady load going round the instances: the campus's sensors and six more
 * reporting NH3 every second (the demo simulator's clean air), and a road inspection every two seconds whose potholes become shortfalls,
 * funded remediation and work orders with a one-minute SLA. Every acknowledged reading and
 * inspection is remembered, so what the services hold can be checked against what they were told.
 */
export class FaultCampus {
  constructor(
    /** Instances of each service, sharing its database, consumer group and queues. */
    readonly instances = 1,
    /** Roads registered up front for the inspection load (one inspection each, every 2 s of load). */
    readonly roads = 100,
  ) {}

  readonly engines = new FaultEngines();
  readonly name = uniqueName('faults');
  readonly prefix = `${this.name}.`;
  private issuer!: TestIssuer;
  private kafka!: Kafka;
  private mongo!: MongoClient;
  private evidenceDir = '';
  private readonly processes = new Map<string, SpawnedService>();
  /** Every process started, killed ones included, for the logs kept after the run. */
  private readonly spawned: { key: string; proc: SpawnedService }[] = [];
  private readonly ports = new Map<string, number>();
  private clients: ServicesClient[] = [];
  private turn = 0;
  /** An asset manager's token: registers the load's roads and sensors and inspects the roads. */
  private manager = '';
  private sensors: Sensor[] = [];
  /** device → measurement time (ms) → value, for every reading a 200 acknowledged. */
  private readonly acknowledged = new Map<string, Map<number, number>>();
  /** Readings not yet acknowledged, sent again with the next batch. */
  private readonly pending = new Map<string, Reading[]>();
  private nextRoad = 0;
  private loadStop?: AbortController;
  private loadDone?: Promise<void>;
  readonly load = { batches: 0, batchesFailed: 0, inspections: 0, inspectionsFailed: 0 };
  /** The answers of the load that were server faults (5xx other than 503), each cut to 400 characters. */
  readonly serverFaultAnswers: string[] = [];

  async start(): Promise<void> {
    await this.engines.start();
    this.issuer = await createTestIssuer();
    this.evidenceDir = await mkdtemp(join(tmpdir(), 'buqi-faults-evidence-'));
    this.kafka = new Kafka({
      clientId: this.name,
      brokers: [this.engines.env.KAFKA_BROKERS],
      logLevel: logLevel.NOTHING,
      retry: { retries: 2 },
    });
    this.mongo = await new MongoClient(this.engines.env.MONGO_URL, {
      serverSelectionTimeoutMS: 5_000,
    }).connect();
    // One after another: each creates its topics at start, and two cores start one at a time best.
    for (const s of SERVICES) for (let i = 0; i < this.instances; i++) await this.startInstance(s, i);
    this.clients = Array.from({ length: this.instances }, (_, i) =>
      createServicesClient({
        assetInventory: this.url('asset-inventory', i),
        budgetAllocation: this.url('budget-allocation', i),
        workOrders: this.url('work-orders', i),
      }),
    );
    this.manager = await this.issuer.token(
      { sub: 'u-load', roles: ['asset-manager'] },
      { ttlSeconds: 4 * 3600 },
    );
    await this.seed(this.clients[0] as ServicesClient);
  }

  async stop(): Promise<void> {
    await this.stopLoad();
    await Promise.all([...this.processes.values()].map((p) => p.stop('SIGTERM').catch(() => undefined)));
    await this.mongo?.close().catch(() => undefined);
    await this.issuer?.close();
    if (this.evidenceDir) await rm(this.evidenceDir, { recursive: true, force: true });
    // The engines, and with them every topic, database and queue of the run, go away together.
    await this.engines.stop();
    await this.keepLogs();
    await rm(this.engines.home, { recursive: true, force: true });
  }

  /**
   * The output of every service process of the run (one file per process, numbered in start order)
   * and the engines' logs, kept in .buqi/logs/faults until the next run.
   */
  private async keepLogs(): Promise<void> {
    await rm(LOGS, { recursive: true, force: true });
    await mkdir(LOGS, { recursive: true });
    await Promise.all(
      this.spawned.map(({ key, proc }, n) =>
        writeFile(
          join(LOGS, `${String(n + 1).padStart(2, '0')}-${key.replace('#', '-')}.log`),
          `${proc.stdout()}\n--- stderr ---\n${proc.stderr()}`,
        ),
      ),
    );
    await cp(join(this.engines.home, 'logs'), join(LOGS, 'engines'), { recursive: true }).catch(
      () => undefined,
    );
  }

  /** Where instance `i` of a service answers. */
  url(service: Service, i = 0): string {
    return `http://127.0.0.1:${this.ports.get(`${service}#${i}`)}`;
  }

  /**
   * Starts instance `i` of a service (on a port of its own, kept across restarts) and waits until
   * it answers ready; `env` is laid over the scenario's settings (a database, a consumer group).
   */
  async startInstance(service: Service, i: number, env: Record<string, string> = {}): Promise<string> {
    const key = `${service}#${i}`;
    if (!this.ports.has(key)) this.ports.set(key, await freePort());
    this.spawn(service, i, env);
    await this.processes
      .get(key)
      ?.waitForHttp(`${this.url(service, i)}/health/ready`, { timeoutMs: 180_000 });
    return this.url(service, i);
  }

  /** Stops one instance with SIGTERM, as a scale-in or a rolling update does. */
  async stopInstance(service: Service, i: number): Promise<void> {
    const key = `${service}#${i}`;
    const proc = this.processes.get(key);
    await proc?.stop('SIGTERM');
    this.processes.delete(key);
  }

  /** The next client in turn: the load's requests go round the instances. */
  private client(): ServicesClient {
    this.turn = (this.turn + 1) % this.clients.length;
    return this.clients[this.turn] as ServicesClient;
  }

  /** SIGKILL of a service's process: no shutdown hook, no commit, no flush. */
  async killService(service: Service, i = 0): Promise<void> {
    const key = `${service}#${i}`;
    const proc = this.processes.get(key);
    if (!proc) throw new Error(`${key} is not running`);
    await proc.stop('SIGKILL');
    this.processes.delete(key);
  }

  /** Starts the instance again on its port; does not wait for it (recovery is measured). */
  restartService(service: Service, i = 0): void {
    this.spawn(service, i);
  }

  private spawn(service: Service, i: number, overrides: Record<string, string> = {}): void {
    const env: Record<string, string> = {
      ...this.engines.env,
      ...this.issuer.env,
      PATH: process.env['PATH'] ?? '',
      MONGO_DB: this.database(service),
      KAFKA_TOPIC_PREFIX: this.prefix,
      JOBS_PREFIX: `${this.name}.${service}`,
      HTTP_PORT: String(this.ports.get(`${service}#${i}`)),
      LOG_LEVEL: 'warn',
      METRICS_TOKEN,
      // The patches of the load (about ¥7,000 each) are small repairs, funded as they come.
      ...(service === 'budget-allocation' && { FUNDING_SMALL_REPAIR_LIMIT: '2000000' }),
      ...(service === 'work-orders' && {
        SLA_POLICY: JSON.stringify(FAULT_SLA),
        ESCALATION_RECONCILE_INTERVAL: '5s',
        EVIDENCE_DIR: this.evidenceDir,
      }),
    };
    const proc = spawnService({ main: `services/${service}/src/main.ts`, env: { ...env, ...overrides } });
    this.processes.set(`${service}#${i}`, proc);
    this.spawned.push({ key: `${service}#${i}`, proc });
  }

  database(service: Service): string {
    return `${this.name}_${service.replace('-', '_')}`;
  }

  private db(service: Service): Db {
    return this.mongo.db(this.database(service));
  }

  // ---------------------------------------------------------------------------------------------
  // The campus and its load

  private async seed(buqi: ServicesClient): Promise<void> {
    const keyFile = join(this.engines.home, `${this.name}-device-keys.json`);
    await seedServices(
      buqi,
      (roles) => this.issuer.token({ sub: 'demo-seeder', roles }, { ttlSeconds: 3600 }),
      keyFile,
    );
    const keys = await readKeys(keyFile);
    const reporting = SENSORS.filter((s) => s.code !== 'BY-DV-001');
    const template = SENSORS[1];
    if (!template) throw new Error('the demo campus has no sensors');
    for (let i = 1; i <= 6; i++) {
      const code = `NY-DV-${100 + i}`;
      const made = await buqi.inventory.registerMonitoringDevice(this.manager, {
        ...template,
        code,
        name: `负载传感器 ${i}`,
      });
      keys[code] = made.apiKey;
      reporting.push({ ...template, code });
    }
    this.sensors = reporting.map((s) => ({ code: s.code, key: keys[s.code] ?? '' }));
    const road = ROADS[0];
    if (!road) throw new Error('the demo campus has no roads');
    for (let i = 0; i < this.roads; i++)
      await buqi.inventory.registerRoadSegment(this.manager, {
        ...road,
        code: `NY-RD-${1001 + i}`,
        name: `负载道路 ${i + 1}`,
      });
    // What budget-allocation knows of the roads (their areas price the resurfacing option) has
    // arrived before any of them is inspected.
    await this.settle('budget-allocation has taken in the roads', async () => {
      const n = await this.db('budget-allocation')
        .collection('known_assets')
        .countDocuments({ _id: { $regex: '^NY-RD-1' } } as never);
      return n === this.roads;
    });
  }

  /** Starts the steady load: readings every second from each sensor, an inspection every two. */
  startLoad(): void {
    if (this.loadStop) return;
    const stop = new AbortController();
    this.loadStop = stop;
    const every = async (ms: number, tick: () => Promise<void>) => {
      while (!stop.signal.aborted) {
        const started = Date.now();
        await tick();
        await sleep(Math.max(0, ms - (Date.now() - started)), undefined, { signal: stop.signal }).catch(
          () => undefined,
        );
      }
    };
    this.loadDone = Promise.all([
      every(1_000, () => this.telemetryTick()),
      every(2_000, () => this.inspectionTick()),
    ]).then(() => undefined);
  }

  /** Stops the load and waits for requests in flight. */
  async stopLoad(): Promise<void> {
    this.loadStop?.abort();
    await this.loadDone;
    this.loadStop = undefined;
    this.loadDone = undefined;
  }

  /** Sends what is still unacknowledged until every reading is (the services may be recovering). */
  async drainReadings(timeoutMs = 120_000): Promise<void> {
    await waitFor(
      'every reading acknowledged',
      async () => {
        if ([...this.pending.values()].every((p) => p.length === 0)) return true;
        await this.telemetryTick(false);
        return false;
      },
      { timeoutMs, intervalMs: 1_000 },
    );
  }

  private async telemetryTick(fresh = true): Promise<void> {
    const now = Date.now();
    await Promise.all(
      this.sensors.map(async (sensor, n) => {
        const queue = this.pending.get(sensor.code) ?? [];
        this.pending.set(sensor.code, queue);
        if (fresh)
          // Three readings a second at distinct milliseconds, of the demo's clean air.
          for (let i = 0; i < 3; i++) queue.push(nh3('clean', new Date(now - 900 + i * 300 + n)));
        if (queue.length === 0) return;
        const batch = queue.slice(0, 450);
        this.load.batches++;
        try {
          const report = await this.client().inventory.postReadings(sensor.key, { readings: batch });
          if (report.stored !== batch.length)
            throw new Error(`${sensor.code}: ${batch.length - report.stored} readings refused`);
          const kept = this.acknowledged.get(sensor.code) ?? new Map<number, number>();
          this.acknowledged.set(sensor.code, kept);
          for (const r of batch) kept.set(Date.parse(r.at), r.value);
          queue.splice(0, batch.length);
        } catch (err) {
          this.load.batchesFailed++;
          this.noteServerFault(err);
          if (err instanceof ServiceCallError && err.status >= 400 && err.status < 500 && err.status !== 429)
            throw err; // the load is at fault, not the fault: stop the scenario
        }
      }),
    );
  }

  private async inspectionTick(): Promise<void> {
    if (this.nextRoad >= this.roads) return;
    const code = `NY-RD-${1001 + this.nextRoad}`;
    try {
      await this.client().inventory.inspect(this.manager, code, LOAD_SHEET);
      this.load.inspections++;
      this.nextRoad++;
    } catch (err) {
      this.load.inspectionsFailed++;
      this.noteServerFault(err);
      if (err instanceof ServiceCallError && err.status >= 400 && err.status < 500 && err.status !== 429)
        throw err;
    }
  }

  /**
   * A store that is down or restarting is answered 503 (retry shortly), a killed instance not at
   * all; any other 5xx is a fault of the service under the fault, counted.
   */
  private noteServerFault(err: unknown): void {
    if (!(err instanceof ServiceCallError) || err.status < 500 || err.status === 503) return;
    this.serverFaultAnswers.push(err.message.slice(0, 400));
  }

  // ---------------------------------------------------------------------------------------------
  // Recovery and what was produced

  /**
   * For a failure's message: the last warnings and errors each named instance logged (the run's
   * logs are kept only on this machine, a test report is all a remote run shows).
   */
  recentTrouble(keys: readonly string[], lines = 6): string {
    return keys
      .map((key) => {
        const out = this.processes.get(key)?.stdout() ?? '';
        const trouble = out
          .split('\n')
          .flatMap((line) => {
            try {
              const r = JSON.parse(line) as {
                level?: string;
                time?: string;
                msg?: string;
                err?: { message?: string };
              };
              return r.level === 'warn' || r.level === 'error'
                ? [
                    `${r.time?.slice(11, 23)} ${r.level} ${r.msg ?? ''}${r.err?.message ? `: ${r.err.message}` : ''}`.slice(
                      0,
                      300,
                    ),
                  ]
                : [];
            } catch {
              return [];
            }
          })
          .slice(-lines);
        return `${key}:\n  ${trouble.join('\n  ') || '(no warnings)'}`;
      })
      .join('\n');
  }

  /** The instances that do not answer ready, each with what its /health/ready said. */
  async notReady(): Promise<string[]> {
    const answers = await Promise.all(
      [...this.processes.keys()].map(async (key) => {
        try {
          const r = await fetch(`http://127.0.0.1:${this.ports.get(key)}/health/ready`, {
            signal: AbortSignal.timeout(2_000),
          });
          return r.status === 200 ? undefined : `${key}: ${r.status} ${(await r.text()).slice(0, 600)}`;
        } catch (err) {
          return `${key}: ${(err as Error).message}`;
        }
      }),
    );
    return answers.filter((a): a is string => a !== undefined);
  }

  /**
   * Per consumer group of the services: messages not yet committed past, over the topics its
   * members subscribe to; undefined when a group has no member (a service down, a rebalance).
   */
  async lag(): Promise<Map<string, number> | undefined> {
    return this.withAdmin(async (admin) => {
      const groups = SERVICES.map((s) => `${this.prefix}${s}`);
      const described = await admin.describeGroups(groups);
      const lags = new Map<string, number>();
      for (const g of described.groups) {
        if (g.state !== 'Stable' || g.members.length === 0) return undefined;
        const topics = new Set<string>();
        for (const m of g.members)
          for (const t of AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? [])
            topics.add(t);
        const partitions = await readConsumerLag(admin, g.groupId, [...topics]);
        const lag = partitions.reduce((n, p) => n + p.lag, 0);
        lags.set(g.groupId, lag);
      }
      return lags;
    });
  }

  /** Messages in (on the run's topics) and out (committed by the groups), and duplicates skipped. */
  async counters(): Promise<Counters> {
    const offsets = await this.withAdmin(async (admin) => {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(this.prefix));
      let messagesIn = 0;
      for (const t of topics)
        for (const p of await admin.fetchTopicOffsets(t)) messagesIn += Number(p.high) - Number(p.low);
      let messagesOut = 0;
      for (const s of SERVICES)
        for (const t of await admin.fetchOffsets({ groupId: `${this.prefix}${s}`, topics }))
          for (const p of t.partitions) messagesOut += Math.max(0, Number(p.offset));
      return { messagesIn, messagesOut };
    });
    const duplicatesSuppressed: Counters['duplicatesSuppressed'] = {};
    for (const [key, proc] of this.processes) {
      const counted = { pid: proc.child.pid ?? 0, count: 0 };
      duplicatesSuppressed[key] = counted;
      const res = await fetch(`http://127.0.0.1:${this.ports.get(key)}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      const text = res?.ok ? await res.text() : '';
      for (const line of text.split('\n'))
        if (line.startsWith('buqi_messaging_consumed_total{') && line.includes('outcome="duplicate"'))
          counted.count += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return { ...offsets, duplicatesSuppressed };
  }

  /**
   * Waits until the services have caught up with everything the load produced: all ready, no lag,
   * no outbox entry waiting, every shortfall a candidate and every funded one an order, and every
   * escalation step due (with its grace) sent.
   */
  async quiesce(timeoutMs = 180_000): Promise<{ ms: number; invariants: InvariantReport }> {
    const started = Date.now();
    await this.drainReadings(timeoutMs);
    let waiting = '';
    let settled: InvariantReport | undefined;
    await this.settle(
      'the services caught up',
      async () => {
        const notReady = await this.notReady();
        if (notReady.length > 0) return !(waiting = `every instance ready; not yet: ${notReady.join('; ')}`);
        const lag = await this.lag();
        if (!lag || [...lag.values()].some((n) => n > 0))
          return !(waiting = `consumer lag ${JSON.stringify(lag && Object.fromEntries(lag))}`);
        const r = await this.invariants();
        const left = {
          outboxEntriesLeft: r.outboxEntriesLeft,
          shortfallsWithoutCandidate: r.shortfallsWithoutCandidate,
          fundedWithoutOrder: r.fundedWithoutOrder,
          escalationsDueNotSent: r.escalationsDueNotSent,
        };
        waiting = JSON.stringify(left);
        settled = r;
        return Object.values(left).every((n) => n === 0);
      },
      timeoutMs,
      () => waiting,
    );
    if (!settled) throw new Error('the services caught up without a reading of what they hold');
    return { ms: Date.now() - started, invariants: settled };
  }

  /** What was produced, checked against what was told: every field but the totals should be 0. */
  async invariants(): Promise<InvariantReport> {
    // Readings: each acknowledged one stored with its value; none stored that was not acknowledged.
    let readingsAcknowledged = 0;
    let readingsStored = 0;
    let readingsMissing = 0;
    let readingsUnexpected = 0;
    const buckets = this.db('asset-inventory').collection<{
      _id: string;
      device: string;
      hour: Date;
      m?: Record<string, Record<string, number>>;
    }>('telemetry_readings');
    for (const sensor of this.sensors) {
      const told = this.acknowledged.get(sensor.code) ?? new Map<number, number>();
      readingsAcknowledged += told.size;
      const stored = new Map<number, number>();
      for await (const b of buckets.find({ device: sensor.code }))
        for (const [offset, value] of Object.entries(b.m?.['nh3'] ?? {}))
          stored.set(new Date(b.hour).getTime() + Number(offset), value);
      readingsStored += stored.size;
      for (const [at, value] of told) if (stored.get(at) !== value) readingsMissing++;
      for (const at of stored.keys()) if (!told.has(at)) readingsUnexpected++;
    }

    // Shortfall → candidate → funded → one work order. The orders are read first: an order is
    // made after its remediation was funded, so one read here has its funding in the later read;
    // the reverse (funded, its order made between the reads) the quiesce's repeated reading absorbs.
    const orders = await this.db('work-orders')
      .collection<{
        _id: string;
        remediationId?: string;
        createdAt: Date;
        priority: 'P1' | 'P2' | 'P3' | 'P4';
        holds: { from: Date; to?: Date | null; reason: string }[];
        plannedAt?: Date;
        respondedAt?: Date;
        resolvedAt?: Date;
        escalations: { stepId: string; at: Date }[];
      }>('work_orders')
      .find({})
      .toArray();
    const shortfallIds = (
      await this.db('asset-inventory')
        .collection('shortfalls')
        .find({}, { projection: { _id: 1 } })
        .toArray()
    ).map((d) => String(d._id));
    const candidates = await this.db('budget-allocation')
      .collection<{ _id: string; funding?: { status: string } }>('remediation_candidates')
      .find({}, { projection: { _id: 1, funding: 1 } })
      .toArray();
    const candidateIds = new Set(candidates.map((c) => c._id));
    const funded = new Set(
      candidates.filter((c) => c.funding?.status === 'funded').map((c) => `rem-${c._id}`),
    );
    const perRemediation = new Map<string, number>();
    for (const o of orders)
      if (o.remediationId)
        perRemediation.set(o.remediationId, (perRemediation.get(o.remediationId) ?? 0) + 1);

    // Escalations: each step once, and none that fell due more than the grace ago left unsent.
    const calendar = workingCalendarOfYears(CHINA_MAINLAND_OFFICE_WEEK, []);
    let escalationsSent = 0;
    let escalationStepsRepeated = 0;
    let escalationsDueNotSent = 0;
    for (const o of orders) {
      const steps = o.escalations.map((e) => e.stepId);
      escalationsSent += steps.length;
      escalationStepsRepeated += steps.length - new Set(steps).size;
      const sent = o.escalations.map((e) => ({ stepId: e.stepId, at: new Date(e.at) }));
      // Judged no earlier than its creation and its latest step (the services keep working while the
      // stores are read, and a process's clock may run a moment ahead of this one's).
      const at = new Date(
        Math.max(Date.now(), new Date(o.createdAt).getTime(), ...sent.map((e) => e.at.getTime())),
      );
      const check = escalationsDue(
        calendar,
        FAULT_SLA,
        DEFAULT_ESCALATION_LADDER,
        {
          createdAt: new Date(o.createdAt),
          priority: o.priority,
          holds: o.holds.map((h) => ({
            from: new Date(h.from),
            to: h.to ? new Date(h.to) : null,
            reason: h.reason,
          })),
          respondedAt: o.respondedAt ? new Date(o.respondedAt) : null,
          resolvedAt: o.resolvedAt ? new Date(o.resolvedAt) : null,
          escalationsSent: sent,
        },
        at,
      );
      escalationsDueNotSent += check.due.filter(
        (step) => step.dueAt && step.dueAt.getTime() < at.getTime() - ESCALATION_GRACE_MS,
      ).length;
    }

    // Budget: no envelope committed beyond its limit, and its counter the sum of its commitments.
    let envelopesOverCommitted = 0;
    let envelopeCountersWrong = 0;
    const years = await this.db('budget-allocation')
      .collection<{
        envelopes: Record<string, { limitFen: number; committedFen: number }>;
        commitments: Record<string, { envelope: string; amountFen: number }>;
      }>('budget_years')
      .find({})
      .toArray();
    for (const y of years)
      for (const [kind, e] of Object.entries(y.envelopes)) {
        if (e.committedFen > e.limitFen) envelopesOverCommitted++;
        const sum = Object.values(y.commitments)
          .filter((c) => c.envelope === kind)
          .reduce((n, c) => n + c.amountFen, 0);
        if (sum !== e.committedFen) envelopeCountersWrong++;
      }

    // Outboxes: nothing waiting longer than a relay takes, nothing parked, in any collection of any
    // service (the ladder and the sweeps keep writing events while the load is paused).
    let outboxEntriesLeft = 0;
    let outboxEntriesParked = 0;
    const stale = Date.now() - OUTBOX_STALE_MS;
    for (const s of SERVICES)
      for (const c of await this.db(s).listCollections({}, { nameOnly: true }).toArray())
        for await (const d of this.db(s)
          .collection<{ _outbox?: { at: Date }[]; _outboxParked?: unknown[] }>(c.name)
          .find(
            { $or: [{ '_outbox.0': { $exists: true } }, { '_outboxParked.0': { $exists: true } }] },
            { projection: { _outbox: 1, _outboxParked: 1 } },
          )) {
          outboxEntriesLeft += (d._outbox ?? []).filter((e) => new Date(e.at).getTime() < stale).length;
          outboxEntriesParked += d._outboxParked?.length ?? 0;
        }

    const consumerLag = await this.settledLag();
    const deadLettered = await this.withAdmin(async (admin) => {
      let n = 0;
      for (const t of (await admin.listTopics()).filter(
        (x) => x.startsWith(this.prefix) && x.endsWith('.dlq'),
      ))
        for (const p of await admin.fetchTopicOffsets(t)) n += Number(p.high) - Number(p.low);
      return n;
    }).catch(() => -1);

    return {
      readingsAcknowledged,
      readingsStored,
      readingsMissing,
      readingsUnexpected,
      shortfalls: shortfallIds.length,
      shortfallsWithoutCandidate: shortfallIds.filter((id) => !candidateIds.has(id)).length,
      funded: funded.size,
      fundedWithoutOrder: [...funded].filter((id) => !perRemediation.has(id)).length,
      ordersPerRemediationAbove1: [...perRemediation.values()].filter((n) => n > 1).length,
      ordersWithoutFunding: [...perRemediation.keys()].filter((id) => !funded.has(id)).length,
      escalationsSent,
      escalationStepsRepeated,
      escalationsDueNotSent,
      envelopesOverCommitted,
      envelopeCountersWrong,
      outboxEntriesLeft,
      outboxEntriesParked,
      consumerLag,
      deadLettered,
    };
  }

  /**
   * Messages the services' groups have not consumed, once those in flight have had 10 s to be: the
   * ladder sends steps and the sweeps publish with no load running, so a single reading can catch
   * one between its publication and its commit. A group stuck behind stays above 0 (-1: a group
   * without members).
   */
  private async settledLag(): Promise<number> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const lag = await this.lag().catch(() => undefined);
      const total = lag ? [...lag.values()].reduce((a, b) => a + b, 0) : -1;
      if (total === 0 || Date.now() > deadline) return total;
      await sleep(500);
    }
  }

  /** Escalation events on the topic: how many (work order, step) pairs came more than once. */
  async escalationEventsRepeated(sent: number): Promise<number> {
    const messages = await readTopic(this.kafka, this.prefix + TOPICS.workOrderEscalated, {
      atLeast: sent,
      timeoutMs: 60_000,
    });
    const seen = new Map<string, Set<string>>();
    for (const m of messages) {
      const e = decodeEvent(WorkOrderEscalatedV1, m.value) as EnvelopeOf<typeof WorkOrderEscalatedV1>;
      const key = `${e.data.workOrderId}/${e.data.stepId}`;
      // The same event delivered twice (a relay re-publishing after a crash) is one escalation.
      seen.set(key, (seen.get(key) ?? new Set()).add(e.id));
    }
    return [...seen.values()].filter((ids) => ids.size > 1).length;
  }

  /** Each document's `_id` and `version` in a collection of database `db`, by id: facts to compare. */
  async facts(db: string, collection: string): Promise<{ _id: string; version?: number }[]> {
    return this.mongo
      .db(db)
      .collection<{ _id: string; version?: number }>(collection)
      .find({}, { projection: { _id: 1, version: 1 } })
      .sort({ _id: 1 })
      .toArray();
  }

  /** Waits until consumer group `group` has committed past every message of `topic` (no prefix). */
  async groupAtEnd(group: string, topic: string, timeoutMs = 180_000): Promise<void> {
    await this.withAdmin((admin) =>
      waitForGroupAtEnd(admin, group, this.prefix + topic, { atLeast: 1, timeoutMs }),
    );
  }

  /** The members of each service's consumer group and the partitions of each topic they hold. */
  async assignments(): Promise<Map<string, { member: string; partitions: Record<string, number[]> }[]>> {
    return this.withAdmin(async (admin) => {
      const described = await admin.describeGroups(SERVICES.map((s) => `${this.prefix}${s}`));
      return new Map(
        described.groups.map((g) => [
          g.groupId,
          g.members.map((m) => ({
            member: m.memberId,
            partitions: AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {},
          })),
        ]),
      );
    });
  }

  /** Partitions of each of the run's topics. */
  async partitionCounts(): Promise<Map<string, number>> {
    return this.withAdmin(async (admin) => {
      const { topics } = await admin.fetchTopicMetadata({
        topics: (await admin.listTopics()).filter((t) => t.startsWith(this.prefix)),
      });
      return new Map(topics.map((t) => [t.name, t.partitions.length]));
    });
  }

  /** Messages on a topic (no prefix) and how many distinct event ids they carry. */
  async eventsOn(topic: string): Promise<{ messages: number; distinctIds: number }> {
    const messages = await readTopic(this.kafka, this.prefix + topic, { timeoutMs: 60_000 });
    const ids = new Set(messages.map((m) => (JSON.parse(String(m.value)) as { id: string }).id));
    return { messages: messages.length, distinctIds: ids.size };
  }

  private async withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async settle<T>(
    what: string,
    probe: () => Promise<T | false>,
    timeoutMs = 180_000,
    waiting: () => string = () => '',
  ): Promise<T> {
    try {
      // Each probe of the caught-up state reads every store: once a second leaves the services room.
      return await waitFor(what, probe, { timeoutMs, intervalMs: 1_000 });
    } catch (err) {
      // The instances named in what is awaited (those not ready), else all of them.
      const named = [...this.processes].filter(([key]) => waiting().includes(`${key}:`));
      const tails = (named.length > 0 ? named : [...this.processes]).map(([key, p]) => {
        return `--- ${key} ---\n${p.stdout().slice(-2500)}\n${p.stderr().slice(-1500)}`;
      });
      throw new Error(
        `${(err as Error).message} (still waiting for ${waiting()}; every log of the run in ${LOGS})\n${tails.join('\n')}`,
      );
    }
  }
}

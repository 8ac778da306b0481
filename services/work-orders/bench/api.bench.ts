import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { BSON, MongoClient, type Db } from 'mongodb';
import {
  createTestIssuer,
  engineEnv,
  freePort,
  numberArg,
  spawnService,
  type SpawnedService,
} from '@buqi/testing';
import {
  closedLoop,
  combine,
  expectStatus,
  idFromLocation,
  JsonClient,
  STEPS,
  summarise,
  type Move,
  type OrderApi,
  type Round,
  type Summary,
} from './load';

/**
 * The work-orders API (create → assign → start → complete → verify) against a bare NestJS + Mongoose
 * app doing the same writes per step (bench/baseline-app.ts), measured in the same run on the same
 * engines. Both run as their own processes (the service through SWC, as `nx serve` runs it, with its
 * own database, topic prefix, jobs prefix and a test issuer whose JWKS it trusts); this process is
 * the load generator. At each concurrency level both are driven closed-loop (C workers, each taking
 * the next order when its previous one is verified) in rounds baseline, service, service, baseline,
 * so that both see the machine in the same state. The service's outbox is left to drain after each
 * of its rounds. Each level starts from empty order collections in both databases, so both write
 * into collections of the same size (the average stored order is printed per level; the baseline has
 * no relay, so its orders keep every outbox entry). Prints throughput and step latencies per system and level, Markdown tables,
 * and a verdict on each goal: the service's peak throughput at least 0.7× the baseline's, and its
 * p99 under 50 ms at the highest rate the store sustained here (the baseline's peak), taken at the
 * lowest level at which the service reached that rate, or at its own peak (nearest below) if none.
 *   npx nx bench work-orders
 * Options (after `--`): --orders=100 (per system and level) --levels=1,4,16 --warm-up=10
 */

const THROUGHPUT_GOAL = 0.7;
const P99_GOAL_MS = 50;
const ORDER = {
  title: 'Bench: tap leaking in the second-floor restroom',
  assetId: 'NY-RR-003',
  priority: 'P3',
  taskType: 'fixture-replacement',
  standardHours: 2,
} as const;
const BODIES: Readonly<Record<Move, Record<string, unknown>>> = {
  assign: { assignee: { kind: 'crew', id: 'crew-roads-1' } },
  start: {},
  complete: {
    notes: 'Replaced the washer and tested the tap',
    labourHours: 1.5,
    materials: [],
    checklist: [],
  },
  verify: { rating: 'good' },
};

type SystemName = 'baseline' | 'service';

interface LevelResult {
  readonly concurrency: number;
  /** Average stored order document (BSON bytes) at the end of the level, per system. */
  readonly documentBytes: Readonly<Record<SystemName, number>>;
  readonly baseline: Summary & { readonly round: Round };
  readonly service: Summary & { readonly round: Round };
}

function serviceApi(client: JsonClient): OrderApi {
  return {
    name: 'service',
    async create() {
      const reply = await client.post('/work-orders', ORDER);
      expectStatus(reply, 201, 'service POST /work-orders');
      return idFromLocation(reply, 'service POST /work-orders');
    },
    async move(id, step) {
      const reply = await client.post(`/work-orders/${id}/${step}`, BODIES[step]);
      expectStatus(reply, 200, `service POST /work-orders/${id}/${step}`);
    },
  };
}

function baselineApi(client: JsonClient): OrderApi {
  return {
    name: 'baseline',
    async create() {
      const reply = await client.post('/orders', ORDER);
      expectStatus(reply, 201, 'baseline POST /orders');
      return idFromLocation(reply, 'baseline POST /orders');
    },
    async move(id, step, version) {
      const reply = await client.post(`/orders/${id}/${step}`, { version, ...BODIES[step] });
      expectStatus(reply, 200, `baseline POST /orders/${id}/${step}`);
    },
  };
}

async function main(): Promise<void> {
  const orders = numberArg('orders', 100);
  const warmUp = numberArg('warm-up', 10);
  const levels = levelsArg('levels', [1, 4, 16]);
  const runStarted = performance.now();
  const run = randomBytes(3).toString('hex');
  const engines = engineEnv();
  const databases: Record<SystemName, string> = {
    service: `buqi_bench_wo_api_${run}`,
    baseline: `buqi_bench_wo_baseline_${run}`,
  };
  const prefix = `bench_${run}.`;
  const jobsPrefix = `bench_wo_${run}`;
  const issuer = await createTestIssuer();
  const ports = { service: await freePort(), baseline: await freePort() };
  const urls = {
    service: `http://127.0.0.1:${ports.service}`,
    baseline: `http://127.0.0.1:${ports.baseline}`,
  };
  // As the service's image runs node (deploy/docker/service.Dockerfile); the same for the baseline.
  const nodeOptions = '--max-semi-space-size=16';

  const mongo = await MongoClient.connect(engines.MONGO_URL);
  const store = await storeVersion(mongo);
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load at the start ${loadAverage()}; ` +
      `store ${store} at ${engines.MONGO_URL}; ${orders} orders (${orders * STEPS.length} steps) per system and level, ` +
      `levels ${levels.join(', ')}, warm-up ${warmUp} orders each`,
  );
  console.log(
    'Processes: the work-orders service (SWC, LOG_LEVEL=warn, its relay, consumers and jobs running), the baseline ' +
      '(bare NestJS + Mongoose), and this load generator (node:http, keep-alive), all on this machine with the engines. ' +
      `Each level starts from empty order collections in both databases and ends with ${orders} orders in each.`,
  );

  const processes: Record<SystemName, SpawnedService> = {
    service: spawnService({
      main: 'services/work-orders/src/main.ts',
      env: {
        ...engines,
        ...issuer.env,
        MONGO_DB: databases.service,
        HTTP_PORT: String(ports.service),
        KAFKA_TOPIC_PREFIX: prefix,
        JOBS_PREFIX: jobsPrefix,
        LOG_LEVEL: 'warn',
        NODE_OPTIONS: nodeOptions,
      },
    }),
    baseline: spawnService({
      main: 'services/work-orders/bench/baseline-app.ts',
      env: {
        MONGO_URL: engines.MONGO_URL,
        MONGO_DB: databases.baseline,
        HTTP_PORT: String(ports.baseline),
        NODE_OPTIONS: nodeOptions,
      },
    }),
  };
  const clients: JsonClient[] = [];
  try {
    await Promise.all([
      processes.service.waitForHttp(`${urls.service}/health/ready`, { timeoutMs: 180_000 }),
      processes.baseline.waitForOutput(/baseline listening/, 180_000),
    ]);
    const token = await issuer.token(
      { sub: 'u-bench-supervisor', roles: ['supervisor'], department: 'general-affairs' },
      { ttlSeconds: 3_600 },
    );
    const serviceClient = new JsonClient(urls.service, { authorization: `Bearer ${token}` });
    const baselineClient = new JsonClient(urls.baseline);
    clients.push(serviceClient, baselineClient);
    const apis: Record<SystemName, OrderApi> = {
      service: serviceApi(serviceClient),
      baseline: baselineApi(baselineClient),
    };
    const serviceDb = mongo.db(databases.service);

    // Warm-up: code paths compiled, connection pools open, indexes built, topics in use.
    for (const system of ['baseline', 'service'] as const) {
      const round = await closedLoop(apis[system], warmUp, 4);
      console.log(`warm-up ${system}: ${warmUp} orders in ${round.seconds.toFixed(2)} s`);
    }
    await drained(serviceDb);
    await checkAndClear(mongo, databases, warmUp);

    const results: LevelResult[] = [];
    const half = Math.ceil(orders / 2);
    for (const concurrency of levels) {
      const rounds: Record<SystemName, Round[]> = { baseline: [], service: [] };
      const order: SystemName[] = ['baseline', 'service', 'service', 'baseline'];
      const taken: Record<SystemName, number> = { baseline: 0, service: 0 };
      for (const system of order) {
        const n = taken[system] === 0 ? half : orders - half;
        taken[system] += n;
        if (n === 0) continue;
        const round = await closedLoop(apis[system], n, concurrency);
        rounds[system].push(round);
        const drain = system === 'service' ? await drained(serviceDb) : undefined;
        console.log(
          `C=${concurrency} ${system.padEnd(8)} ${n} orders, ${round.steps} steps in ${round.seconds.toFixed(2)} s: ` +
            `${fmt(round.steps / round.seconds)} steps/s` +
            (drain === undefined ? '' : `; its outbox drained ${drain.toFixed(1)} s after the round`),
        );
      }
      const sizes = await checkAndClear(mongo, databases, orders);
      console.log(
        `C=${concurrency} stored order documents at the end of the level: baseline ${fmt(sizes.baseline)} B ` +
          `on average, service ${fmt(sizes.service)} B`,
      );
      const baseline = combine(rounds.baseline);
      const service = combine(rounds.service);
      results.push({
        concurrency,
        documentBytes: sizes,
        baseline: { ...summarise(baseline), round: baseline },
        service: { ...summarise(service), round: service },
      });
    }

    console.log(`\n${resultTable(results)}\n\n${stepTable(results)}\n`);
    for (const line of verdicts(results)) console.log(line);
    console.log(
      `\nload at the end ${loadAverage()}; the whole run took ${((performance.now() - runStarted) / 1000).toFixed(0)} s`,
    );
  } catch (error) {
    for (const system of ['service', 'baseline'] as const)
      console.error(
        `--- ${system} output (last 4,000 characters) ---\n${processes[system].stdout().slice(-4_000)}` +
          `${processes[system].stderr().slice(-4_000)}`,
      );
    throw error;
  } finally {
    for (const client of clients) client.close();
    await Promise.all([
      processes.service.stop('SIGTERM').catch(() => undefined),
      processes.baseline.stop('SIGTERM').catch(() => undefined),
    ]);
    for (const database of Object.values(databases))
      await mongo
        .db(database)
        .dropDatabase()
        .catch(() => undefined);
    await mongo.close();
    await deleteTopics(engines.KAFKA_BROKERS, prefix);
    await deleteJobs(engines.REDIS_URL, jobsPrefix);
    await issuer.close();
  }
}

/**
 * Checks that every order driven reached 'verified' in each database, then deletes the orders, so
 * that the next level starts from empty collections: on the local FerretDB a write filtered by `_id`
 * and version (not `_id` alone) takes longer the more documents the collection holds, so levels run
 * on collections of different sizes would not compare.
 */
async function checkAndClear(
  mongo: MongoClient,
  databases: Readonly<Record<SystemName, string>>,
  expected: number,
): Promise<Record<SystemName, number>> {
  const sizes: Record<SystemName, number> = { baseline: 0, service: 0 };
  for (const system of ['baseline', 'service'] as const) {
    const orders = mongo.db(databases[system]).collection('work_orders');
    const stored = await orders.find({}).toArray();
    const verified = stored.filter((o) => o['state'] === 'verified').length;
    if (verified !== expected || stored.length !== expected)
      throw new Error(
        `${system}: ${verified} of ${stored.length} orders verified in its database, expected ${expected}`,
      );
    // What the store holds per order at the end (the service's relay has emptied its outboxes).
    sizes[system] = stored.reduce((n, o) => n + BSON.calculateObjectSize(o), 0) / stored.length;
    await orders.deleteMany({});
  }
  return sizes;
}

/**
 * Seconds until no order of the service holds events still to publish (its relay's `_outboxDue`),
 * polled every 200 ms for at most a minute; a warning, not an error, when it did not drain.
 */
async function drained(db: Db): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + 60_000;
  const orders = db.collection('work_orders');
  while (await orders.findOne({ _outboxDue: { $exists: true } }, { projection: { _id: 1 } })) {
    if (Date.now() > deadline) {
      console.warn('warning: the service’s outbox did not drain within a minute; going on');
      break;
    }
    await sleep(200);
  }
  return (performance.now() - started) / 1000;
}

function resultTable(results: readonly LevelResult[]): string {
  const head = [
    'concurrency',
    'system',
    'orders',
    'steps',
    'time',
    'steps/s',
    'p50',
    'p99',
    'max',
    'service ÷ baseline throughput',
  ];
  const rows = results.flatMap((r) =>
    (['baseline', 'service'] as const).map((system) => {
      const s = r[system];
      return [
        String(r.concurrency),
        system === 'service' ? 'work-orders API' : 'bare NestJS + Mongoose',
        fmt(s.round.orders),
        fmt(s.round.steps),
        `${s.round.seconds.toFixed(2)} s`,
        fmt(s.stepsPerSecond),
        ms(s.p50),
        ms(s.p99),
        ms(s.max),
        system === 'service'
          ? `**${(r.service.stepsPerSecond / r.baseline.stepsPerSecond).toFixed(2)}×**`
          : '',
      ];
    }),
  );
  return markdown(head, rows);
}

function stepTable(results: readonly LevelResult[]): string {
  const head = ['concurrency', 'system', ...STEPS.map((s) => `${s} p50 / p99`)];
  const rows = results.flatMap((r) =>
    (['baseline', 'service'] as const).map((system) => [
      String(r.concurrency),
      system,
      ...STEPS.map((s) => `${ms(r[system].byStep[s].p50)} / ${ms(r[system].byStep[s].p99)}`),
    ]),
  );
  return markdown(head, rows);
}

function verdicts(results: readonly LevelResult[]): string[] {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const peak = (system: SystemName) =>
    results.reduce((best, r) => (r[system].stepsPerSecond > best[system].stepsPerSecond ? r : best));
  const basePeak = peak('baseline');
  const servicePeak = peak('service');
  const storeRate = basePeak.baseline.stepsPerSecond;
  const ratio = servicePeak.service.stepsPerSecond / storeRate;
  const perLevel = results
    .map((r) => `C=${r.concurrency} ${(r.service.stepsPerSecond / r.baseline.stepsPerSecond).toFixed(2)}×`)
    .join(', ');

  // At the store's rate: the lowest level at which the service reached it (closed loop: more workers
  // at the same rate only queue longer). Nearest below: the service's own peak, when no level reached it.
  const reached = results.filter((r) => r.service.stepsPerSecond >= storeRate);
  const chosen =
    reached.length > 0
      ? reached.reduce((low, r) => (r.concurrency < low.concurrency ? r : low))
      : servicePeak;
  const share = chosen.service.stepsPerSecond / storeRate;
  const where =
    reached.length > 0
      ? `the service reached that rate first at C=${chosen.concurrency}`
      : `the service reached it at no level; nearest below is its peak, C=${chosen.concurrency}`;
  const caveat =
    share < 0.9 ? `, so its p99 at the store’s full ${fmt(storeRate)} steps/s was not measured` : '';
  return [
    `Stored orders at the end of each level average ${documentSizes(results, 'baseline')} for the baseline (nothing empties its ` +
      `outboxes) and ${documentSizes(results, 'service')} for the service (its relay empties them).`,
    `Throughput goal (service ≥ ${THROUGHPUT_GOAL}× the baseline): ${met(ratio >= THROUGHPUT_GOAL)}: ` +
      `service peak ${fmt(servicePeak.service.stepsPerSecond)} steps/s (C=${servicePeak.concurrency}) ÷ ` +
      `baseline peak ${fmt(storeRate)} steps/s (C=${basePeak.concurrency}) = ${ratio.toFixed(2)}× ` +
      `(per level: ${perLevel}).`,
    `Latency goal (service p99 < ${P99_GOAL_MS} ms at the highest rate the store sustains): ` +
      `${met(chosen.service.p99 < P99_GOAL_MS)}: the store sustained ${fmt(storeRate)} steps/s here ` +
      `(the baseline's peak, C=${basePeak.concurrency}); ${where}: ${fmt(chosen.service.stepsPerSecond)} steps/s ` +
      `(${(share * 100).toFixed(0)} % of the store's), p99 ${ms(chosen.service.p99)}${caveat} ` +
      `(the baseline's own p99 at its peak: ${ms(basePeak.baseline.p99)}).`,
  ];
}

const documentSizes = (results: readonly LevelResult[], system: SystemName): string =>
  results.map((r) => `${fmt(r.documentBytes[system])} B`).join(' / ');

async function storeVersion(mongo: MongoClient): Promise<string> {
  const info = await mongo
    .db('admin')
    .command({ buildInfo: 1 })
    .catch(() => ({}) as Record<string, unknown>);
  const ferret = info['ferretdbVersion'];
  const wire = String(info['version'] ?? 'unknown');
  if (typeof ferret !== 'string') return `MongoDB ${wire}`;
  return ferret === 'unknown'
    ? `FerretDB (version not reported; answers as MongoDB ${wire})`
    : `FerretDB ${ferret}`;
}

async function deleteTopics(brokers: string, prefix: string): Promise<void> {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } catch {
    // Left for the engine's own clean-up: the names are unique to this run.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Removes the escalation timers the run left in Redis (they would fire for orders long gone). */
async function deleteJobs(redisUrl: string, jobsPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${jobsPrefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Left in Redis under a prefix unique to this run.
  } finally {
    redis.disconnect();
  }
}

/** `--levels=1,4,16`: whole numbers ≥ 1, or the fallback when absent. */
function levelsArg(name: string, fallback: readonly number[]): readonly number[] {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const values = arg
    .slice(name.length + 3)
    .split(',')
    .map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`--${name} must be whole numbers ≥ 1 separated by commas (got ${arg})`);
  return values;
}

const markdown = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ') + ' (1 / 5 / 15 min)';
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (v: number): string => `${v.toFixed(1)} ms`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

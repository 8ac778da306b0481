import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@buqi/testing';
import { FaultCampus, SERVICES, violations, type Counters, type InvariantReport } from './fault-campus';

// Faults under load: with the demo campus's sensors reporting and road inspections turning into
// funded work orders with a one-minute SLA, each fault in turn — SIGKILL of each service, kill -9 of
// Kafka, of Redis (AOF on) and of FerretDB, and a flushed Redis — then, once the services have
// caught up, what they hold is checked against what they were told. BUQI_FAULTS_ROUNDS repeats the
// faults (the soak, `npm run soak`); BUQI_FAULTS_LOAD_SECONDS is the load before and after each.

const ROUNDS = Number(process.env['BUQI_FAULTS_ROUNDS'] ?? 1);
const LOAD_MS = Number(process.env['BUQI_FAULTS_LOAD_SECONDS'] ?? 8) * 1_000;
const REPORT = resolve(__dirname, '../../.buqi/reports');

interface Fault {
  readonly name: string;
  readonly inject: (campus: FaultCampus) => Promise<void>;
}

const FAULTS: Fault[] = [
  ...SERVICES.map((service) => ({
    name: `SIGKILL ${service}`,
    inject: async (c: FaultCampus) => {
      await c.killService(service);
      c.restartService(service);
    },
  })),
  ...(['kafka', 'redis', 'ferretdb'] as const).map((engine) => ({
    name: `kill -9 ${engine === 'kafka' ? 'Kafka' : engine === 'redis' ? 'Redis (AOF)' : 'FerretDB'}`,
    inject: async (c: FaultCampus) => {
      await c.engines.kill(engine);
      await sleep(2_000);
      await c.engines.start(engine);
    },
  })),
  { name: 'Redis flushed (FLUSHALL)', inject: (c) => c.engines.flushRedis() },
];

interface Row {
  round: number;
  fault: string;
  recoveryMs: number;
  /** From the load's end to everything it started being done (lag, outboxes, orders, escalations). */
  quiesceMs: number;
  messagesIn: number;
  messagesOut: number;
  duplicatesSuppressed: number;
  load: FaultCampus['load'];
  invariants: InvariantReport;
}

const campus = new FaultCampus();
const rows: Row[] = [];

beforeAll(async () => {
  await campus.start();
}, 600_000);

afterAll(async () => {
  if (rows.length > 0) {
    mkdirSync(REPORT, { recursive: true });
    const file = join(REPORT, `faults-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
    console.log(
      [
        `faults under load (report ${file}):`,
        'round | fault | recovery s | caught up s | msgs produced | msgs consumed by the services | duplicates suppressed | readings stored | funded orders | escalations sent',
        ...rows.map((r) =>
          [
            r.round,
            r.fault,
            (r.recoveryMs / 1000).toFixed(1),
            (r.quiesceMs / 1000).toFixed(1),
            r.messagesIn,
            r.messagesOut,
            r.duplicatesSuppressed,
            r.invariants.readingsStored,
            r.invariants.funded,
            r.invariants.escalationsSent,
          ].join(' | '),
        ),
      ].join('\n'),
    );
  }
  await campus.stop();
}, 300_000);

describe('faults under load lose nothing and do nothing twice', () => {
  it('starts from a campus where every invariant holds', async () => {
    campus.startLoad();
    await sleep(LOAD_MS);
    await campus.stopLoad();
    await campus.quiesce();
    const r = await campus.invariants();
    expect(violations(r)).toEqual({});
    expect(r.readingsStored).toBeGreaterThan(0);
    expect(r.funded).toBeGreaterThan(0);
  });

  for (let round = 1; round <= ROUNDS; round++)
    for (const fault of FAULTS)
      it(`round ${round}: ${fault.name}`, async () => {
        const before: Counters = await campus.counters();
        const loadBefore = { ...campus.load };
        campus.startLoad();
        await sleep(LOAD_MS);
        const injectedAt = Date.now();
        await fault.inject(campus);
        // Recovered: every service ready and every consumer group at the end of its topics.
        const recoveryMs = await waitFor(
          `recovery from ${fault.name}`,
          async () => {
            if (!(await campus.allReady())) return false;
            const lag = await campus.lag().catch(() => undefined);
            return lag && [...lag.values()].every((n) => n === 0) ? Date.now() - injectedAt : false;
          },
          { timeoutMs: 240_000, intervalMs: 250 },
        );
        await sleep(LOAD_MS);
        await campus.stopLoad();
        const quiesceMs = await campus.quiesce();
        const after = await campus.counters();
        const invariants = await campus.invariants();
        rows.push({
          round,
          fault: fault.name,
          recoveryMs,
          quiesceMs,
          messagesIn: after.messagesIn - before.messagesIn,
          messagesOut: after.messagesOut - before.messagesOut,
          duplicatesSuppressed: Object.entries(after.duplicatesSuppressed).reduce(
            // A restarted instance counts from zero: its whole count is what it skipped since.
            (n, [key, count]) =>
              n +
              (count >= (before.duplicatesSuppressed[key] ?? 0)
                ? count - (before.duplicatesSuppressed[key] ?? 0)
                : count),
            0,
          ),
          load: {
            batches: campus.load.batches - loadBefore.batches,
            batchesFailed: campus.load.batchesFailed - loadBefore.batchesFailed,
            inspections: campus.load.inspections - loadBefore.inspections,
            inspectionsFailed: campus.load.inspectionsFailed - loadBefore.inspectionsFailed,
          },
          invariants,
        });
        expect(violations(invariants)).toEqual({});
      });

  it('sent each escalation once on its topic', async () => {
    const r = await campus.invariants();
    expect(r.escalationsSent).toBeGreaterThan(0);
    expect(await campus.escalationEventsRepeated(r.escalationsSent)).toBe(0);
  });
});

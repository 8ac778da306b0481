import type { INestApplicationContext } from '@nestjs/common';
import { MongoClient, type Db } from 'mongodb';
import {
  dropTestDatabase,
  engineEnv,
  freePort,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  waitFor,
  type SpawnedService,
} from '@buqi/testing';
import type { Firing } from './__fixtures__/echo.processor';
import { startJobsApp } from './__fixtures__/jobs-app';
import { ProbeQueue } from './__fixtures__/probe.queues';
import { RedisProbe } from './__fixtures__/redis-probe';
import { JobScheduler } from './job-scheduler';

// Worker processes are service processes (PlatformModule + JobsModule + a @JobProcessor provider);
// the test process schedules through JobScheduler in an app of its own, which runs no worker.
const WORKER = 'libs/jobs/src/__fixtures__/worker-app.fixture.ts';
const EXIT_0 = { code: 0, signal: null };
const KILLED = { code: null, signal: 'SIGKILL' };
const engines = engineEnv();

let mongo: MongoClient;
let probe: RedisProbe;
const children: SpawnedService[] = [];
const apps = new Set<INestApplicationContext>();
const cleanUps: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mongo = await MongoClient.connect(engines.MONGO_URL);
  probe = new RedisProbe();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
  await Promise.all([...apps].map((a) => a.close()));
  apps.clear();
  for (const cleanUp of cleanUps.splice(0)) await cleanUp();
});
afterAll(async () => {
  await probe.close();
  await mongo.close();
});

/** Each test has its own BullMQ prefix and database. */
function scenario() {
  const prefix = uniqueName('jobs');
  const database = uniqueDatabaseName('jobs');
  cleanUps.push(
    () => probe.removeKeys(prefix),
    () => dropTestDatabase(engines.MONGO_URL, database),
  );
  const db: Db = mongo.db(database);
  return {
    queue: probe.queue(prefix, ProbeQueue.name),
    firings: db.collection<Firing>('firings'),
    openGate: (token: string) => db.collection<{ _id: string }>('gates').insertOne({ _id: token }),

    async startWorker(env: Record<string, string> = {}): Promise<SpawnedService> {
      const port = await freePort();
      const worker = spawnService({
        main: WORKER,
        env: { ...engines, MONGO_DB: database, HTTP_PORT: String(port), JOBS_PREFIX: prefix, ...env },
        inheritEnv: true,
      });
      children.push(worker);
      const ready = await worker.waitForHttp(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 90_000 });
      expect(await ready.json()).toMatchObject({ checks: { jobs: { status: 'up' } } });
      return worker;
    },

    async scheduler(): Promise<{ scheduler: JobScheduler; close: () => Promise<void> }> {
      const app = await startJobsApp({ database, jobs: { prefix } });
      apps.add(app);
      const close = async () => {
        apps.delete(app);
        await app.close();
      };
      return { scheduler: app.get(JobScheduler), close };
    },
  };
}

describe('delayed jobs across service processes', () => {
  it('fires a job scheduled by one process once, in another, not before its delay, after a worker was SIGKILLed', async () => {
    const s = scenario();
    const delayMs = 5_000;
    const token = 'escalate-wo-1';
    const early = await s.startWorker();

    const { scheduler, close } = await s.scheduler();
    const scheduledAt = Date.now();
    // Scheduled twice with one jobId, as a redelivered event would: one job.
    for (let i = 0; i < 2; i++) {
      await scheduler.schedule(ProbeQueue, 'echo', { token }, { jobId: token, delayMs });
    }
    await close();

    // A worker that dies before the delay has passed must not take the job with it.
    expect(await early.stop('SIGKILL')).toEqual(KILLED);
    const killedAt = Date.now();
    const job = await s.queue.getJob(token);
    expect(killedAt).toBeLessThan((job?.timestamp ?? 0) + delayMs); // the scenario's premise
    expect(await s.queue.getJobState(token)).toBe('delayed');
    expect(await s.firings.countDocuments()).toBe(0);

    const worker = await s.startWorker();
    await waitFor('the job to fire', () => s.firings.findOne({ token }).then((f) => f ?? undefined));
    // Count once nothing is left that could still run: a second firing would have happened by then.
    const counts = await probe.settled(s.queue);

    const firings = await s.firings.find().toArray();
    expect(firings).toHaveLength(1);
    expect(firings[0].pid).toBe(worker.child.pid);
    expect(firings[0].at - scheduledAt).toBeGreaterThanOrEqual(delayMs);
    expect({ completed: counts['completed'], failed: counts['failed'] }).toEqual({ completed: 1, failed: 0 });
  });
});

describe('a worker process on SIGTERM', () => {
  it('lets the active job finish, then exits 0', async () => {
    const s = scenario();
    const worker = await s.startWorker();
    const { scheduler } = await s.scheduler();
    await scheduler.schedule(ProbeQueue, 'echo', { token: 'slow', gated: true }, { jobId: 'slow' });
    await waitFor('the job to start', () => s.firings.findOne({ token: 'slow' }).then((f) => f ?? undefined));

    worker.child.kill('SIGTERM');
    await worker.waitForOutput(/"msg":"shutting down"/);
    // The job cannot finish before the gate opens; the worker must wait for it.
    expect(await s.queue.getJobState('slow')).toBe('active');
    await s.openGate('slow');

    expect(await worker.waitForExit()).toEqual(EXIT_0);
    expect(await s.queue.getJobState('slow')).toBe('completed');
    expect(await s.firings.findOne({ token: 'slow' })).toMatchObject({ finishedAt: expect.any(Number) });
    expect(worker.stdout()).toContain('"msg":"stopped"');
  });

  it('stops waiting for a job that does not finish after the shutdown timeout, leaving it to be retried', async () => {
    const s = scenario();
    const worker = await s.startWorker({ JOBS_SHUTDOWN_TIMEOUT_MS: '1000' });
    const { scheduler } = await s.scheduler();
    await scheduler.schedule(ProbeQueue, 'echo', { token: 'stuck', gated: true }, { jobId: 'stuck' });
    await waitFor('the job to start', () =>
      s.firings.findOne({ token: 'stuck' }).then((f) => f ?? undefined),
    );

    // Without the bound, the platform's own shutdown limit would end the process with code 1.
    expect(await worker.stop('SIGTERM')).toEqual(EXIT_0);
    expect(worker.stdout()).toContain('active jobs still running at shutdown');
    expect(await s.queue.getJobState('stuck')).not.toBe('completed');
    expect(await s.firings.findOne({ token: 'stuck' })).not.toHaveProperty('finishedAt');
  });
});

import { Redis } from 'ioredis';
import { engineEnv, spawnService, uniqueName, type SpawnedService } from '@buqi/testing';

const FIXTURE = 'libs/jobs/src/__fixtures__/jobs.fixture.ts';
const { REDIS_URL } = engineEnv();
let redis: Redis;
const children: SpawnedService[] = [];

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
});
afterAll(() => redis.disconnect());

function run(env: Record<string, string>) {
  const p = spawnService({ main: FIXTURE, env: { REDIS_URL, ...env }, inheritEnv: true });
  children.push(p);
  return p;
}

describe('delayed jobs across processes', () => {
  it('fires a job scheduled by one process in another, once, not before its delay', async () => {
    const prefix = uniqueName('jobs');
    const token = 'escalate-wo-1';
    const scheduler = run({ MODE: 'schedule', PREFIX: prefix, TOKEN: token, DELAY_MS: '2000' });
    expect(await scheduler.exited).toEqual({ code: 0, signal: null });
    const scheduledAt = Number(await redis.get(`${prefix}:test:${token}:scheduledAt`));

    // a worker that dies before the delay has passed must not lose the job
    const early = run({ MODE: 'work', PREFIX: prefix });
    await early.waitForOutput(/worker ready/);
    expect(await early.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    const worker = run({ MODE: 'work', PREFIX: prefix });
    await worker.waitForOutput(/worker ready/);
    await worker.waitForOutput(new RegExp(`fired ${token}`), 30_000);

    // the job was added twice with one jobId: give a second firing every chance to appear
    const second = run({ MODE: 'work', PREFIX: prefix });
    await second.waitForOutput(/worker ready/);
    await new Promise((r) => setTimeout(r, 3_000));
    const fired = await redis.lrange(`${prefix}:test:${token}:fired`, 0, -1);
    expect(fired).toHaveLength(1);
    const [pid, at] = fired[0].split(':').map(Number);
    expect(pid).toBe(worker.child.pid);
    expect(at - scheduledAt).toBeGreaterThanOrEqual(2_000);
    expect(scheduler.stdout()).not.toMatch(/fired/);
  });
});

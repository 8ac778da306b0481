import type { INestApplicationContext } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { correlation, startTelemetry, tracer, type Telemetry } from '@buqi/observability';
import { HealthCheckRegistry } from '@buqi/platform';
import { dropTestDatabase, testEngines, uniqueDatabaseName, uniqueName, waitFor } from '@buqi/testing';
import { startJobsApp } from './__fixtures__/jobs-app';
import { AuditQueue, IdleQueue, ProbeQueue } from './__fixtures__/probe.queues';
import { RecordingProcessor } from './__fixtures__/recording.processor';
import { RedisProbe } from './__fixtures__/redis-probe';
import { JobProcessorRegistry } from './job-processor.registry';
import { JobScheduler } from './job-scheduler';

const database = uniqueDatabaseName('jobs');
const spans = new InMemorySpanExporter();
let telemetry: Telemetry;
let probe: RedisProbe;
let app: INestApplicationContext | undefined;
let prefix: string;

beforeAll(() => {
  telemetry = startTelemetry({ serviceName: 'jobs-test', spanExporter: spans, instrumentations: [] });
  probe = new RedisProbe();
});
beforeEach(() => {
  prefix = uniqueName('jobs');
  spans.reset();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await probe.removeKeys(prefix);
});
afterAll(async () => {
  await probe.close();
  await telemetry.shutdown();
  await dropTestDatabase(testEngines().MONGO_URL, database);
});

async function start() {
  const started = await startJobsApp({ database, jobs: { prefix }, providers: [RecordingProcessor] });
  app = started;
  return { app: started, scheduler: started.get(JobScheduler), recorder: started.get(RecordingProcessor) };
}

describe('JobsModule with discovered processors, against Redis', () => {
  it('runs each job in the processor of its queue and name, with one worker per queue that has processors', async () => {
    const { scheduler, recorder } = await start();
    await scheduler.schedule(ProbeQueue, 'echo', { token: 'p1' }, { jobId: 'p1' });
    await scheduler.schedule(AuditQueue, 'echo', { token: 'a1' }, { jobId: 'a1' });

    await waitFor('both jobs to run', () => recorder.calls.length >= 2);
    const byProcessor = Object.fromEntries(recorder.calls.map((c) => [c.processor, c]));
    expect(byProcessor['probes echo']).toMatchObject({
      data: { token: 'p1' },
      job: { id: 'p1', name: 'echo', queue: 'probes', attempt: 1, attempts: 5 },
    });
    expect(byProcessor['audit echo']).toMatchObject({ data: { token: 'a1' }, job: { queue: 'audit' } });
    // The library's _meta never reaches a processor.
    expect(recorder.calls.map((c) => Object.keys(c.data))).toEqual([['token'], ['token']]);

    const workers = async (name: string) => probe.queue(prefix, name).getWorkersCount();
    await waitFor('a worker on each queue with processors', async () =>
      (await workers('probes')) === 1 && (await workers('audit')) === 1 ? true : undefined,
    );
    expect(await workers(IdleQueue.name)).toBe(0);
  });

  it('repeats a job on one schedule however often, and from however many instances, it is set up', async () => {
    const { scheduler, recorder } = await start();
    // Set up twice, as two instances (or a restart) would: one scheduler in Redis.
    await scheduler.every(ProbeQueue, 'echo', { token: 'tick' }, { schedulerId: 'ticker', everyMs: 1_000 });
    await scheduler.every(ProbeQueue, 'echo', { token: 'tick' }, { schedulerId: 'ticker', everyMs: 1_000 });
    expect(await probe.queue(prefix, ProbeQueue.name).getJobSchedulersCount()).toBe(1);
    await waitFor('the job to run twice', () => recorder.callsFor('tick').length >= 2, { timeoutMs: 30_000 });
    await expect(
      scheduler.every(ProbeQueue, 'echo', { token: 'x' }, { schedulerId: 'fast', everyMs: 10 }),
    ).rejects.toThrow('everyMs must be');
  });

  it('refuses a jobId outside the safe alphabet before touching Redis', async () => {
    const { scheduler } = await start();
    await expect(scheduler.schedule(ProbeQueue, 'echo', { token: 'x' }, { jobId: 'wo:1' })).rejects.toThrow(
      'jobId "wo:1" must be',
    );
    expect(await probe.redis.exists(`${prefix}:probes:wo:1`)).toBe(0);
  });

  it('fails a job whose name no processor knows at once, without retries, and goes on with the others', async () => {
    const { scheduler, recorder } = await start();
    const queue = probe.queue(prefix, ProbeQueue.name);
    // What a job left in Redis by another version looks like: the typed scheduler cannot add it.
    await queue.add('echo-v0', { token: 'old' }, { jobId: 'old', attempts: 5 });

    const failed = await waitFor('the unknown job to fail', async () => {
      const job = await queue.getJob('old');
      return job && (await job.isFailed()) ? job : undefined;
    });
    expect(failed.failedReason).toBe('no processor for job "echo-v0" on queue probes (it has: echo, fail)');
    expect(failed.attemptsMade).toBe(1);

    await scheduler.schedule(ProbeQueue, 'echo', { token: 'next' }, { jobId: 'next' });
    await waitFor('the next job to run', () => recorder.callsFor('next').length === 1);
    expect(recorder.calls.map((c) => c.job.id)).toEqual(['next']);
  });

  it.each([
    { finished: 'completed', name: 'echo' as const },
    { finished: 'failed', name: 'fail' as const },
  ])('does not run a job again when its jobId is added after it $finished', async ({ finished, name }) => {
    const { scheduler, recorder } = await start();
    const queue = probe.queue(prefix, ProbeQueue.name);
    const jobId = `late-${name}`;
    const schedule = () => scheduler.schedule(ProbeQueue, name, { token: jobId }, { jobId, attempts: 1 });

    await schedule();
    await waitFor(`the job to be ${finished}`, async () => (await queue.getJobState(jobId)) === finished);
    expect(recorder.callsFor(jobId)).toHaveLength(1);

    await schedule();
    // BullMQ says it ignored the second add; then nothing is left that could still run.
    await waitFor('BullMQ to report the duplicate', () => probe.duplicated(queue, jobId), {
      timeoutMs: 10_000,
    });
    const counts = await probe.settled(queue);

    expect(recorder.callsFor(jobId)).toHaveLength(1);
    expect(await queue.getJobState(jobId)).toBe(finished);
    expect({ completed: counts['completed'], failed: counts['failed'] }).toEqual(
      finished === 'completed' ? { completed: 1, failed: 0 } : { completed: 0, failed: 1 },
    );
  });

  it("runs the processor in a span of the scheduler's trace, with its correlation id", async () => {
    const { scheduler, recorder } = await start();
    const scheduling = await tracer('jobs-test').startActiveSpan('schedule', async (span) => {
      await correlation.run('corr-jobs-1', () =>
        scheduler.schedule(ProbeQueue, 'echo', { token: 'traced' }, { jobId: 'traced' }),
      );
      span.end();
      return span.spanContext();
    });

    const [call] = await waitFor('the job to run', () => {
      const calls = recorder.callsFor('traced');
      return calls.length > 0 ? calls : undefined;
    });
    expect(call).toMatchObject({ traceId: scheduling.traceId, correlationId: 'corr-jobs-1' });
    const jobSpan = await waitFor('the job span to end', () =>
      spans.getFinishedSpans().find((s) => s.name === 'probes echo'),
    );
    expect(jobSpan.kind).toBe(SpanKind.CONSUMER);
    expect(jobSpan.spanContext().traceId).toBe(scheduling.traceId);
    expect(jobSpan.parentSpanContext?.spanId).toBe(scheduling.spanId);
    expect(jobSpan.attributes).toMatchObject({
      'messaging.system': 'bullmq',
      'messaging.message.id': 'traced',
    });
  });

  it('refuses a processor registered after the workers started', async () => {
    const registry = (await start()).app.get(JobProcessorRegistry);
    expect(() => registry.register(IdleQueue, 'echo', async () => undefined, 'Late.echo')).toThrow(
      'cannot add a processor for job "echo" on queue idle (Late.echo): the job workers have started',
    );
  });

  it('is ready while its workers run and not once they stopped, naming the queues', async () => {
    const started = (await start()).app;
    const health = started.get(HealthCheckRegistry);
    expect((await health.readiness()).checks['jobs']).toEqual({
      status: 'up',
      latencyMs: expect.any(Number),
    });

    await started.close();
    app = undefined;
    expect((await health.readiness()).checks['jobs']).toMatchObject({
      status: 'down',
      error: 'job worker not running for queue probes, audit',
    });
  });
});

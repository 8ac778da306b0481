import { join } from 'node:path';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, type Telemetry } from '@buqi/observability';
import { QuotaError } from './test-fixtures/fixture-errors';
import type { SampleResult, SampleTask } from './test-fixtures/sample.worker';
import { WorkerPool } from './worker-pool';

describe('WorkerPool tracing', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let pool: WorkerPool<SampleTask, SampleResult>;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'compute-test', spanExporter: exporter, instrumentations: [] });
    pool = new WorkerPool({
      filename: join(__dirname, 'test-fixtures', 'sample.worker.ts'),
      name: 'sample',
      errors: [QuotaError],
    });
  });
  afterAll(async () => {
    await pool.destroy();
    await telemetry.shutdown();
  });
  beforeEach(() => exporter.reset());

  it('wraps each run in a "compute <name>" span, child of the caller\'s span, naming the thread', async () => {
    const parent = await trace.getTracer('test').startActiveSpan('request', async (span) => {
      const result = await pool.run({ kind: 'echo', value: 'x' });
      span.end();
      return { spanId: span.spanContext().spanId, threadId: result.threadId };
    });

    const span = exporter.getFinishedSpans().find((s) => s.name === 'compute sample');
    expect(span?.parentSpanContext?.spanId).toBe(parent.spanId);
    expect(span?.attributes).toMatchObject({
      'compute.pool': 'sample',
      'compute.worker.thread_id': parent.threadId,
      'compute.worker.duration_ms': expect.any(Number),
    });
    expect(span?.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('marks the span as failed with the rebuilt error when the worker throws', async () => {
    await expect(pool.run({ kind: 'throw', error: 'registered' })).rejects.toBeInstanceOf(QuotaError);

    const span = exporter.getFinishedSpans().find((s) => s.name === 'compute sample');
    expect(span?.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'quota inspections is limited to 3',
    });
    expect(span?.events[0]?.attributes).toMatchObject({ 'exception.type': 'QuotaError' });
  });
});

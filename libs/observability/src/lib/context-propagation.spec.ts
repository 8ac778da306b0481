import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { injectContext, withExtractedContext } from './context-propagation';
import { correlation } from './correlation';
import { startTelemetry, tracer, type Telemetry } from './telemetry';

describe('context propagation through a carrier', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'test', spanExporter: exporter, instrumentations: [] });
  });
  afterAll(() => telemetry.shutdown());
  beforeEach(() => exporter.reset());

  it('makes the consumer span a child in the producer span trace', async () => {
    const carrier = tracer('test').startActiveSpan('publish', { kind: SpanKind.PRODUCER }, (span) => {
      const headers = injectContext({});
      span.end();
      return headers;
    });

    await withExtractedContext(carrier, 'consume', SpanKind.CONSUMER, () => 'done');

    const [parent, child] = exporter.getFinishedSpans();
    expect(carrier['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(child.name).toBe('consume');
    expect(child.kind).toBe(SpanKind.CONSUMER);
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it('carries the correlation id across the hop', async () => {
    const carrier = correlation.run('corr-42', () => injectContext());
    expect(carrier['x-correlation-id']).toBe('corr-42');

    const seen = await withExtractedContext({ ...carrier }, 'job', SpanKind.CONSUMER, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return correlation.current();
    });
    expect(seen).toBe('corr-42');
  });

  it('accepts array-valued headers and ignores unsafe correlation ids', async () => {
    const carrier = tracer('test').startActiveSpan('publish', (span) => {
      const headers = injectContext();
      span.end();
      return headers;
    });

    const seen = await withExtractedContext(
      { traceparent: [carrier['traceparent']], 'x-correlation-id': 'bad id\nforged: line' },
      'consume',
      SpanKind.CONSUMER,
      () => correlation.current(),
    );

    const [parent, child] = exporter.getFinishedSpans();
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(seen).toBeUndefined();
  });

  it('starts a new trace when the carrier has none', async () => {
    await withExtractedContext({}, 'orphan', SpanKind.CONSUMER, () => undefined);
    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('records the exception, marks the span failed, ends it and rethrows', async () => {
    const failing = withExtractedContext({}, 'handler', SpanKind.CONSUMER, () => {
      throw new Error('boom');
    });

    await expect(failing).rejects.toThrow('boom');
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
    expect(span.ended).toBe(true);
  });
});

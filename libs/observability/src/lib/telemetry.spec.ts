import { metrics, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { startTelemetry, tracer } from './telemetry';

describe('startTelemetry', () => {
  it('exports spans with the service name and can be restarted after shutdown', async () => {
    const exporter = new InMemorySpanExporter();
    const first = startTelemetry({
      serviceName: 'svc-a',
      serviceVersion: '1.2.3',
      spanExporter: exporter,
      instrumentations: [],
    });
    expect(() => startTelemetry({ serviceName: 'again', instrumentations: [] })).toThrow('already started');

    tracer('test').startSpan('one').end();
    const [span] = exporter.getFinishedSpans();
    expect(span.resource.attributes).toMatchObject({ 'service.name': 'svc-a', 'service.version': '1.2.3' });
    await first.shutdown();

    const second = startTelemetry({ serviceName: 'svc-b', instrumentations: [] });
    const created = tracer('test').startSpan('two');
    expect(trace.isSpanContextValid(created.spanContext())).toBe(true);
    created.end();
    await second.shutdown();
  });

  it('registers a meter provider only when something reads metrics', async () => {
    const none = startTelemetry({ serviceName: 'svc', instrumentations: [] });
    expect(none.meterProvider).toBeUndefined();
    await none.shutdown();

    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
    const withReader = startTelemetry({ serviceName: 'svc', metricReader: reader, instrumentations: [] });
    metrics.getMeter('test').createCounter('buqi.test.count').add(2);
    await reader.forceFlush();
    const names = exporter
      .getMetrics()
      .flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics.map((d) => d.descriptor.name)));
    expect(names).toContain('buqi.test.count');
    await withReader.shutdown();
  });
});

import { metrics, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { scrapeMetrics, startTelemetry, tracer } from './telemetry';

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

describe('startTelemetry with prometheus', () => {
  it('serves every metric in the text format Prometheus scrapes, and nothing when not asked to', async () => {
    const off = startTelemetry({ serviceName: 'svc', instrumentations: [] });
    expect(scrapeMetrics()).toBeUndefined();
    await off.shutdown();

    const on = startTelemetry({ serviceName: 'svc-p', prometheus: true, instrumentations: [] });
    const meter = metrics.getMeter('test');
    meter.createCounter('buqi.test.things').add(3, { 'messaging.destination.name': 'a.b' });
    meter
      .createHistogram('buqi.test.duration', { unit: 's', advice: { explicitBucketBoundaries: [0.1, 1] } })
      .record(0.5);
    meter.createObservableGauge('buqi.test.depth').addCallback((r) => r.observe(4, { state: 'waiting' }));

    const scraped = await scrapeMetrics();
    expect(scraped?.errors).toEqual([]);
    const lines = scraped?.text.split('\n') ?? [];
    // Dots become underscores, counters end in _total, no timestamps after the values.
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE buqi_test_things_total counter',
        'buqi_test_things_total{messaging_destination_name="a.b"} 3',
        '# TYPE buqi_test_duration histogram',
        'buqi_test_duration_count 1',
        'buqi_test_duration_bucket{le="0.1"} 0',
        'buqi_test_duration_bucket{le="1"} 1',
        'buqi_test_duration_bucket{le="+Inf"} 1',
        '# TYPE buqi_test_depth gauge',
        'buqi_test_depth{state="waiting"} 4',
      ]),
    );
    expect(lines.find((l) => l.startsWith('target_info'))).toContain('service_name="svc-p"');
    await on.shutdown();
    expect(scrapeMetrics()).toBeUndefined();
  });
});

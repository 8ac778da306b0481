import { context, metrics, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations, type Instrumentation } from '@opentelemetry/instrumentation';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { defaultInstrumentations } from './instrumentations';
import { PrometheusScrape } from './prometheus';

export interface TelemetryOptions {
  readonly serviceName: string;
  readonly serviceVersion?: string;
  /** OTLP/HTTP base URL (e.g. http://127.0.0.1:4318); traces and metrics are exported only when set. */
  readonly otlpEndpoint?: string;
  /** An extra exporter, fed span by span (tests pass an InMemorySpanExporter). */
  readonly spanExporter?: SpanExporter;
  /** An extra metric reader (tests). */
  readonly metricReader?: IMetricReader;
  /**
   * Keep metrics for Prometheus to scrape, through the service's GET /metrics (`scrapeMetrics`).
   * Services turn it on when METRICS_TOKEN is set.
   */
  readonly prometheus?: boolean;
  /** Replaces defaultInstrumentations(); pass [] for none. */
  readonly instrumentations?: readonly Instrumentation[];
  readonly metricExportIntervalMs?: number;
}

export interface Telemetry {
  readonly tracerProvider: NodeTracerProvider;
  readonly meterProvider: MeterProvider | undefined;
  /** Present when started with `prometheus: true`. */
  readonly prometheus: PrometheusScrape | undefined;
  /** Flushes and stops exporting, then unregisters the global providers so telemetry can start again. */
  shutdown(): Promise<void>;
}

let running: Telemetry | undefined;

/**
 * Sets up tracing (and metrics when anything reads them) for the process. Call it before the app's
 * modules are imported: instrumentations patch modules as they are required.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (running) throw new Error('Telemetry is already started in this process; shut it down first');

  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: options.serviceName,
    ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
  });
  const base = options.otlpEndpoint?.replace(/\/+$/, '');

  const spanProcessors: SpanProcessor[] = [];
  if (base) spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${base}/v1/traces` })));
  if (options.spanExporter) spanProcessors.push(new SimpleSpanProcessor(options.spanExporter));
  // Without processors spans are still created, so trace ids reach logs and outgoing headers.
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors });
  tracerProvider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  });

  const readers: IMetricReader[] = [];
  if (base) {
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
        exportIntervalMillis: options.metricExportIntervalMs ?? 60_000,
      }),
    );
  }
  if (options.metricReader) readers.push(options.metricReader);
  const prometheus = options.prometheus ? new PrometheusScrape() : undefined;
  if (prometheus) readers.push(prometheus.reader);
  // Built before the meter provider is global, so none creates instruments it was not given.
  const instrumentations = [...(options.instrumentations ?? defaultInstrumentations())];
  const meterProvider = readers.length > 0 ? new MeterProvider({ resource, readers }) : undefined;
  if (meterProvider) metrics.setGlobalMeterProvider(meterProvider);

  const unregister = registerInstrumentations({ tracerProvider, meterProvider, instrumentations });

  const telemetry: Telemetry = {
    tracerProvider,
    meterProvider,
    prometheus,
    async shutdown() {
      if (running !== telemetry) return;
      running = undefined;
      unregister();
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider?.shutdown()]);
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
  running = telemetry;
  return telemetry;
}

/**
 * The process's metrics in Prometheus's text format, or undefined when telemetry was not started
 * with `prometheus: true` (then nothing is kept to serve).
 */
export function scrapeMetrics(): Promise<{ text: string; errors: unknown[] }> | undefined {
  return running?.prometheus?.scrape();
}

/** A tracer named after the code that creates spans (e.g. '@buqi/messaging'). */
export function tracer(name: string, version?: string): Tracer {
  return trace.getTracer(name, version);
}

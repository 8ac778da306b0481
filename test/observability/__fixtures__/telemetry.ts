// Imported first by the traced app: spans go to memory so the test can read them over HTTP.
import { MetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  loadConfigOrExit,
  defineConfig,
  httpConfig,
  kafkaConfig,
  mongoConfig,
  redisConfig,
  telemetryConfig,
} from '@buqi/config';
import { startTelemetry } from '@buqi/observability';

export const config = loadConfigOrExit(
  defineConfig({
    ...httpConfig(0),
    ...mongoConfig('buqi_trace'),
    ...redisConfig,
    ...kafkaConfig,
    ...telemetryConfig,
  }),
);
export const spans = new InMemorySpanExporter();

/** Collects on request, so the test reads the counters when it wants to. */
class PullMetricReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}
export const metricReader = new PullMetricReader();

export const telemetry = startTelemetry({ serviceName: 'trace-probe', spanExporter: spans, metricReader });

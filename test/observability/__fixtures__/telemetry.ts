// Imported first by the traced app: spans go to memory so the test can read them over HTTP.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { loadConfigOrExit, defineConfig, httpConfig, kafkaConfig, mongoConfig, redisConfig, telemetryConfig } from '@buqi/config';
import { startTelemetry } from '@buqi/observability';

export const config = loadConfigOrExit(
  defineConfig({ ...httpConfig(0), ...mongoConfig('buqi_trace'), ...redisConfig, ...kafkaConfig, ...telemetryConfig }),
);
export const spans = new InMemorySpanExporter();
export const telemetry = startTelemetry({ serviceName: 'trace-probe', spanExporter: spans });

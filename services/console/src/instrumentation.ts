// main.ts imports this first: a bad configuration must stop the process before anything connects,
// and OpenTelemetry must patch http, express, Nest, Mongo and Redis before they are first required.
import { loadConfigOrExit } from '@buqi/config';
import { startTelemetry } from '@buqi/observability';
import { consoleConfig } from './config';
import { serviceInfo } from './service-info';

export const config = loadConfigOrExit(consoleConfig);

export const telemetry = startTelemetry({
  serviceName: serviceInfo.name,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  // GET /metrics serves them only with a token configured: without one nothing is kept for it.
  prometheus: config.METRICS_TOKEN !== undefined,
});

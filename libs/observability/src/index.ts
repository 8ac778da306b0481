export {
  injectContext,
  withExtractedContext,
  type ExtractedSpanOptions,
  type IncomingCarrier,
} from './lib/context-propagation';
export {
  CORRELATION_ID_HEADER,
  correlation,
  isAcceptableCorrelationId,
  newCorrelationId,
} from './lib/correlation';
export { CachedReading, type CachedReadingOptions } from './lib/cached-reading';
export { defaultInstrumentations } from './lib/instrumentations';
export { DEFAULT_REDACT_PATHS, createLogger, type Logger, type LoggerOptions } from './lib/logger';
export { maskCredentialsDeep, maskUrlCredentials } from './lib/mask-credentials';
export { PROMETHEUS_CONTENT_TYPE, PrometheusScrape } from './lib/prometheus';
export {
  scrapeMetrics,
  startTelemetry,
  tracer,
  type Telemetry,
  type TelemetryOptions,
} from './lib/telemetry';

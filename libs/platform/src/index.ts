export { bootstrapService, type BootstrapOptions } from './lib/bootstrap/bootstrap-service';
export { exitOnSignals, type ShutdownOptions } from './lib/bootstrap/graceful-shutdown';
export { setUpOpenApi, type OpenApiInfo } from './lib/bootstrap/open-api';
export {
  DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
  type CheckResult,
  type HealthCheck,
  type HealthCheckFn,
  type ReadinessReport,
} from './lib/health/health-check';
export { HealthCheckRegistry } from './lib/health/health-check.registry';
export { registerHealthCheck, type RegisterHealthCheckOptions } from './lib/health/register-health-check';
export { CorrelationIdMiddleware } from './lib/http/correlation-id.middleware';
export { Public, PUBLIC_ROUTE } from './lib/http/public.decorator';
export { NestPinoLogger } from './lib/logging/nest-pino-logger';
export { PlatformModule, type PlatformModuleOptions } from './lib/platform.module';
export {
  PLATFORM_CONFIG,
  PLATFORM_LOGGER,
  REDIS_CONNECTION,
  SERVICE_NAME,
  type PlatformConfig,
} from './lib/platform.tokens';

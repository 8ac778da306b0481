export { bootstrapService, type BootstrapOptions } from './lib/bootstrap/bootstrap-service';
export { exitOnSignals, type ShutdownOptions } from './lib/bootstrap/graceful-shutdown';
export { createServiceApp } from './lib/bootstrap/create-service-app';
export { setUpService, type SetUpOptions } from './lib/setup/set-up-service';
export {
  registerSetUpStep,
  SetUpRegistry,
  type RegisterSetUpStepOptions,
  type SetUpStep,
} from './lib/setup/set-up-step';
export { ensureModelIndexes } from './lib/setup/model-indexes';
export { setUpHttpEdge } from './lib/bootstrap/http-edge';
export { DOCS_PATH, setUpOpenApi, type OpenApiInfo } from './lib/bootstrap/open-api';
export {
  DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
  Degraded,
  degraded,
  type CheckResult,
  type HealthCheck,
  type HealthCheckFn,
  type ReadinessReport,
} from './lib/health/health-check';
export { HealthCheckRegistry } from './lib/health/health-check.registry';
export { registerHealthCheck, type RegisterHealthCheckOptions } from './lib/health/register-health-check';
export { ApiFile, ApiProblem, ApiResult } from './lib/http/api-result.decorator';
export { CorrelationIdMiddleware } from './lib/http/correlation-id.middleware';
export { etagOf, IfMatch, parseIfMatch, setEtag } from './lib/http/if-match.decorator';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  listQuerySchema,
  pageOf,
  toListRequest,
  type FilterValue,
  type ListQuery,
  type ListQuerySchema,
  type ListRequest,
  type ListSpec,
  type Page,
  type PageSchema,
} from './lib/http/list-query';
export { toOpenApiSchema } from './lib/http/open-api-schema';
export { Closed, Literals } from './lib/http/schema-helpers';
export {
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  problemType,
  type FieldProblem,
  type Problem,
} from './lib/http/problem';
export { ProblemDetailsFilter } from './lib/http/problem-details.filter';
export { problemFor, type ProblemOutline } from './lib/http/problem-mapping';
export { RequestBodyError } from './lib/http/request-body.error';
export { mediaTypeOf, readRawBody } from './lib/http/read-raw-body';
export { requestValidator, type RequestValidator } from './lib/http/request-validator';
export {
  RequestValidationError,
  type RequestIssue,
  type RequestLocation,
} from './lib/http/request-validation.error';
export { ValidBody, ValidParams, ValidQuery } from './lib/http/valid-request.decorators';
export { Public, PUBLIC_ROUTE } from './lib/http/public.decorator';
export { NestPinoLogger } from './lib/logging/nest-pino-logger';
export {
  ChunkedBulkWriteError,
  FERRETDB_MAX_STATEMENTS,
  bulkWriteInChunks,
  type BulkWriteInChunksOptions,
  type BulkWriteSummary,
} from './lib/mongo/bulk-write-in-chunks';
export { findPage } from './lib/mongo/find-page';
export { applyMongooseSettings } from './lib/mongo/mongoose-options';
export { PlatformModule, type PlatformModuleOptions } from './lib/platform.module';
export {
  PLATFORM_CONFIG,
  PLATFORM_LOGGER,
  REDIS_CONNECTION,
  SERVICE_NAME,
  type PlatformConfig,
} from './lib/platform.tokens';
export { MONEY, spreadsheet, yuan, type Column } from './lib/export/spreadsheet';

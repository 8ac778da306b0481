import {
  Global,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createLogger, type LoggerOptions } from '@buqi/observability';
import { HealthCheckRegistry } from './health/health-check.registry';
import { HealthController } from './health/health.controller';
import { mongoHealthCheck } from './health/mongo.health';
import { redisHealthCheck } from './health/redis.health';
import { CorrelationIdMiddleware } from './http/correlation-id.middleware';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { NestPinoLogger } from './logging/nest-pino-logger';
import { MetricsController } from './metrics/metrics.controller';
import { applyMongooseSettings, mongooseOptions } from './mongo/mongoose-options';
import {
  PLATFORM_CONFIG,
  PLATFORM_LOGGER,
  REDIS_CONNECTION,
  SERVICE_NAME,
  type PlatformConfig,
} from './platform.tokens';
import { RedisConnectionManager } from './redis/redis-connection.manager';
import { ensureModelIndexes } from './setup/model-indexes';
import { registerSetUpStep, SetUpRegistry } from './setup/set-up-step';

export interface PlatformModuleOptions<C extends PlatformConfig> {
  readonly serviceName: string;
  /** The service's loaded configuration; provided as PLATFORM_CONFIG. */
  readonly config: C;
  /** Where log lines go; stdout when omitted (tests pass a stream to read them). */
  readonly logDestination?: LoggerOptions['destination'];
}

/**
 * Everything a Buqi service shares: configuration, pino logger, the Mongoose connection, the
 * BullMQ-ready Redis connection, health endpoints, GET /metrics for Prometheus (behind
 * METRICS_TOKEN), correlation ids and RFC 9457 error answers (ProblemDetailsFilter, global).
 * Import once, in AppModule.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot<C extends PlatformConfig>({
    serviceName,
    config,
    logDestination,
  }: PlatformModuleOptions<C>): DynamicModule {
    applyMongooseSettings();
    const logger = createLogger({ name: serviceName, level: config.LOG_LEVEL, destination: logDestination });
    return {
      module: PlatformModule,
      imports: [MongooseModule.forRootAsync({ useFactory: () => mongooseOptions(config) })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: serviceName },
        { provide: PLATFORM_LOGGER, useValue: logger },
        { provide: NestPinoLogger, useValue: new NestPinoLogger(logger) },
        RedisConnectionManager,
        {
          provide: REDIS_CONNECTION,
          inject: [RedisConnectionManager],
          useFactory: (m: RedisConnectionManager) => m.client,
        },
        HealthCheckRegistry,
        mongoHealthCheck,
        redisHealthCheck,
        SetUpRegistry,
        registerSetUpStep({
          name: 'mongo-indexes',
          inject: [getConnectionToken()],
          useFactory: (conn: Connection) => () => ensureModelIndexes(conn),
        }),
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [
        PLATFORM_CONFIG,
        SERVICE_NAME,
        PLATFORM_LOGGER,
        NestPinoLogger,
        REDIS_CONNECTION,
        HealthCheckRegistry,
        SetUpRegistry,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

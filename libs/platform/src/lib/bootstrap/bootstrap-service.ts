import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, type Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER, type PlatformConfig } from '../platform.tokens';
import { createServiceApp } from './create-service-app';
import { exitOnSignals } from './graceful-shutdown';

export interface BootstrapOptions {
  readonly serviceName: string;
  /** OpenAPI title and description. */
  readonly title: string;
  readonly description: string;
  readonly version?: string;
  /** Flushed after the app closes (the value startTelemetry returned). */
  readonly telemetry?: { shutdown(): Promise<void> };
  readonly shutdownTimeoutMs?: number;
}

/**
 * Starts a service whose root module imports PlatformModule: the app createServiceApp builds (pino
 * logging, security headers, request log, JSON bodies, OpenAPI at /docs), graceful SIGTERM/SIGINT,
 * listening on HTTP_HOST:HTTP_PORT. A failure to start is logged and the process exits with code 1.
 */
export async function bootstrapService(
  appModule: Type<unknown> | DynamicModule,
  options: BootstrapOptions,
): Promise<INestApplication> {
  let app: NestExpressApplication | undefined;
  let logger: Logger | undefined;
  try {
    app = await createServiceApp(appModule, options);
    logger = app.get<Logger>(PLATFORM_LOGGER);
    exitOnSignals(app, logger, {
      afterClose: () => options.telemetry?.shutdown() ?? Promise.resolve(),
      timeoutMs: options.shutdownTimeoutMs,
    });

    const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    const url = `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
    logger.info({ url }, `${options.serviceName} listening on ${url} (API docs at ${url}/docs)`);
    return app;
  } catch (error) {
    (logger ?? createLogger({ name: options.serviceName })).fatal(
      { err: error },
      `${options.serviceName} failed to start`,
    );
    await app?.close().catch(() => undefined);
    await options.telemetry?.shutdown().catch(() => undefined);
    process.exit(1);
  }
}

import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, type Logger } from '@buqi/observability';
import { NestPinoLogger } from '../logging/nest-pino-logger';
import { PLATFORM_LOGGER } from '../platform.tokens';
import { SetUpRegistry } from './set-up-step';

export interface SetUpOptions {
  readonly serviceName: string;
  /** Flushed before the process exits (the value startTelemetry returned). */
  readonly telemetry?: { shutdown(): Promise<void> };
  /** How long closing the connections may take before the process exits anyway. */
  readonly closeTimeoutMs?: number;
}

/**
 * A set-up run of a service (a Kubernetes Job, an operator before a release): builds the service's
 * modules as a start would — the same configuration, models and handlers — but starts nothing (no
 * HTTP listener, consumer, relay, job worker or timer: Nest's init hooks are never called), runs
 * every registered set-up step (the MongoDB indexes of every model, the Kafka topics the service
 * lists or handles) and exits: 0 when every step succeeded, 1 otherwise. Every step is idempotent,
 * and the service still ensures the same at its own start.
 */
export async function setUpService(
  appModule: Type<unknown> | DynamicModule,
  options: SetUpOptions,
): Promise<never> {
  let app: INestApplication | undefined;
  let logger: Logger | undefined;
  let code = 0;
  try {
    // abortOnError false: a failed build throws here (exit 1) instead of aborting the process.
    app = await NestFactory.create(appModule, { bufferLogs: true, abortOnError: false, bodyParser: false });
    app.useLogger(app.get(NestPinoLogger));
    app.flushLogs();
    logger = app.get<Logger>(PLATFORM_LOGGER);
    const started = Date.now();
    for (const step of app.get(SetUpRegistry).list()) {
      const t0 = Date.now();
      const result = await step.run();
      logger.info({ step: step.name, ms: Date.now() - t0, ...result }, `set-up: ${step.name} done`);
    }
    logger.info({ ms: Date.now() - started }, `${options.serviceName} set up`);
  } catch (error) {
    code = 1;
    (logger ?? createLogger({ name: options.serviceName })).fatal(
      { err: error },
      `${options.serviceName} set-up failed`,
    );
  }
  await closeWithin(app, options.closeTimeoutMs ?? 15_000, logger);
  await options.telemetry?.shutdown().catch(() => undefined);
  process.exit(code);
}

async function closeWithin(app: INestApplication | undefined, ms: number, logger: Logger | undefined) {
  if (!app) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([app.close().then(() => 'closed' as const), late]).catch(
    (err: unknown) => {
      logger?.warn({ err }, 'set-up: closing the connections failed');
      return 'failed' as const;
    },
  );
  clearTimeout(timer);
  if (outcome === 'late') logger?.warn({ ms }, 'set-up: connections still closing; exiting anyway');
}

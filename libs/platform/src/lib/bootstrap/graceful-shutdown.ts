import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@buqi/observability';

export interface ShutdownOptions {
  /** Runs after the app has closed, e.g. flushing telemetry. */
  readonly afterClose?: () => Promise<void>;
  /** Exit with code 1 if closing takes longer (Kubernetes sends SIGKILL after 30 s by default). */
  readonly timeoutMs?: number;
}

/**
 * On SIGTERM/SIGINT: closes the app (Nest's destroy and shutdown hooks, HTTP server, connections),
 * runs afterClose, then exits 0. Nest's enableShutdownHooks would re-raise the signal instead, so the
 * process would end "killed by SIGTERM" rather than with a clean exit code.
 */
export function exitOnSignals(app: INestApplication, logger: Logger, options: ShutdownOptions = {}): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: options.timeoutMs }, 'shutdown timed out');
      process.exit(1);
    }, options.timeoutMs ?? 20_000).unref();
    app
      .close()
      .then(() => options.afterClose?.())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER, SERVICE_NAME, type PlatformConfig } from '../platform.tokens';

const INITIAL_CONNECT_GRACE_MS = 3_000;

/** Owns the shared ioredis connection: connects at start without making the start fail, remembers the last error, quits on shutdown. */
@Injectable()
export class RedisConnectionManager implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis;
  lastError: Error | undefined;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(SERVICE_NAME) serviceName: string,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {
    this.client = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      // BullMQ requires it: commands wait for a reconnect instead of failing.
      maxRetriesPerRequest: null,
      connectionName: serviceName,
      // A forced disconnect of an already dead socket otherwise keeps a 2 s timer alive at shutdown.
      disconnectTimeout: 500,
    });
    this.client.on('error', (error: Error) => {
      // ioredis repeats the same error on every retry; log each distinct one once.
      if (error.message !== this.lastError?.message)
        this.logger.warn({ err: error }, 'redis connection error');
      this.lastError = error;
    });
    this.client.on('ready', () => {
      if (this.lastError) this.logger.info('redis connection restored');
      this.lastError = undefined;
    });
  }

  /**
   * Waits a moment for the first connection so a healthy service is ready as soon as it listens, but
   * never fails the start: without Redis the service runs, reports not-ready and ioredis keeps retrying.
   */
  async onModuleInit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, INITIAL_CONNECT_GRACE_MS)));
    await Promise.race([this.client.connect().catch(() => undefined), grace]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}

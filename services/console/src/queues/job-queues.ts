import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ConsoleConfig } from '../config';

/**
 * The services' job queues (every QueueName) for the board at /admin/queues: on the jobs' Redis
 * (CONSOLE_JOBS_REDIS_URL, else REDIS_URL), under the services' prefix (CONSOLE_JOBS_PREFIX, else
 * JOBS_PREFIX). The console runs no worker; it only shows the jobs and lets admins act on them.
 *
 * One connection serves every queue. It connects at once and ioredis keeps retrying, so a Redis
 * that is down at start or later never stops the console: the board answers 503 meanwhile (see
 * `ready`), and every queue's 'error' is heard (an unheard one would end the process). A queue that
 * found the connection still connecting waits for it instead of failing for good, which is why the
 * connection is not lazy.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  readonly queues: readonly Queue[];
  private readonly redis: Redis;
  private lastError: string | undefined;

  constructor(
    @Inject(PLATFORM_CONFIG) config: ConsoleConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {
    this.redis = new Redis(config.CONSOLE_JOBS_REDIS_URL ?? config.REDIS_URL, {
      connectionName: 'console-queues-board',
      // A board request fails soon when Redis goes away rather than waiting for its return.
      maxRetriesPerRequest: 1,
      // A forced disconnect of an already dead socket otherwise keeps a 2 s timer alive at shutdown.
      disconnectTimeout: 500,
    });
    this.redis.on('error', (error: Error) => this.heard(error));
    this.redis.on('ready', () => {
      if (this.lastError) this.logger.info('the job queues’ redis connection is restored');
      this.lastError = undefined;
    });
    const prefix = config.CONSOLE_JOBS_PREFIX ?? config.JOBS_PREFIX;
    this.queues = Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection: this.redis, prefix });
      queue.on('error', (error: Error) => this.heard(error));
      return queue;
    });
  }

  /** Whether the jobs' Redis answers now. */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  async onApplicationShutdown(): Promise<void> {
    // The queues share the connection and leave it open; it is closed once they are.
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  /** ioredis repeats an error at every retry, and each queue repeats its connection's: log each once. */
  private heard(error: Error): void {
    if (error.message !== this.lastError)
      this.logger.warn({ err: error }, 'the job queues’ redis connection failed');
    this.lastError = error.message;
  }
}

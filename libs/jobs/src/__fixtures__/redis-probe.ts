// Reads a test run's queues straight from Redis, and removes its keys afterwards.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { testEngines, waitFor } from '@buqi/testing';

const PENDING = ['waiting', 'delayed', 'active', 'prioritized', 'paused', 'waiting-children'] as const;

export class RedisProbe {
  readonly redis = new Redis(testEngines().REDIS_URL, { maxRetriesPerRequest: null });
  private readonly queues: Queue[] = [];

  queue(prefix: string, name: string): Queue {
    const queue = new Queue(name, { connection: this.redis, prefix });
    this.queues.push(queue);
    return queue;
  }

  /**
   * Waits until nothing in the queue can still run (no waiting, delayed or active job), so that a
   * count taken afterwards includes every run a duplicate could have caused.
   */
  async settled(queue: Queue, timeoutMs = 60_000): Promise<Record<string, number>> {
    return waitFor(
      `queue ${queue.name} to have no pending job`,
      async () => {
        const counts = await queue.getJobCounts(...PENDING, 'completed', 'failed');
        return PENDING.every((state) => counts[state] === 0) ? counts : undefined;
      },
      { timeoutMs },
    );
  }

  /** Whether BullMQ recorded that adding `jobId` again was ignored. */
  async duplicated(queue: Queue, jobId: string): Promise<boolean> {
    const events = await this.redis.xrange(`${queue.opts.prefix}:${queue.name}:events`, '-', '+');
    return events.some(([, fields]) => {
      const event = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) event.set(fields[i], fields[i + 1]);
      return event.get('event') === 'duplicated' && event.get('jobId') === jobId;
    });
  }

  /** Deletes every key of a test run; the prefix is unique to it. */
  async removeKeys(prefix: string): Promise<void> {
    for await (const keys of this.redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await this.redis.unlink(...(keys as string[]));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.splice(0).map((q) => q.close()));
    this.redis.disconnect();
  }
}

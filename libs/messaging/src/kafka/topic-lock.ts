import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { MessagingLogger } from '../messaging.logger';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Runs `fn` while holding a short Redis lock, so services starting together do not race to create
 * the same topic (the loser's CreateTopics request fails with TOPIC_ALREADY_EXISTS, which the
 * Kafka client logs as an error). Without Redis within `waitMs`, `fn` runs unlocked: a lost race
 * costs one log line, never correctness, since an existing topic is left as it is.
 */
export async function withTopicLock<T>(
  redis: Redis | undefined,
  key: string,
  fn: () => Promise<T>,
  logger: MessagingLogger,
  { ttlMs = 30_000, waitMs = 30_000 } = {},
): Promise<T> {
  if (!redis) return fn();
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  let held = false;
  while (!held && Date.now() < deadline) {
    const answer = await Promise.race([
      redis.set(key, token, 'PX', ttlMs, 'NX').catch(() => null),
      sleep(2_000, 'timeout' as const),
    ]);
    if (answer === 'OK') held = true;
    else if (answer === 'timeout') break;
    else await sleep(100 + Math.random() * 200);
  }
  if (!held) logger.warn({ key }, 'creating topics without the creation lock (Redis busy or unreachable)');
  try {
    return await fn();
  } finally {
    if (held) await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PLATFORM_CONFIG, REDIS_CONNECTION } from '@buqi/platform';
import type { ConsoleConfig } from '../config';

/**
 * Repeated wrong passwords slow down sign-in, per account and per address (in Redis, for every
 * console instance): after `free` failures each further attempt must wait 1 s, then 2 s, 4 s, …
 * up to 15 minutes after the last failure. Failures are forgotten an hour after the last one, and
 * an account's on a successful sign-in. A waiting attempt is refused before the password is checked,
 * so guessing cannot go faster than the delay.
 */
export const THROTTLE = {
  account: { free: 5 },
  address: { free: 20 },
  maxDelayMs: 15 * 60_000,
  forgetMs: 60 * 60_000,
} as const;

type Subject = { kind: 'account' | 'address'; id: string };

export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxDelayMs, 1000 * 2 ** Math.min(20, failures - free));
}

@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  /** Milliseconds to wait before another attempt for these subjects (0: go ahead). */
  async waitMs(subjects: Subject[], now = Date.now()): Promise<number> {
    let wait = 0;
    for (const s of subjects) {
      const [failures, last] = await this.redis.hmget(this.key(s), 'failures', 'last');
      if (!failures || !last) continue;
      const until = Number(last) + delayAfter(Number(failures), THROTTLE[s.kind].free);
      wait = Math.max(wait, until - now);
    }
    return wait;
  }

  async failed(subjects: Subject[], now = Date.now()): Promise<void> {
    for (const s of subjects)
      await this.redis
        .multi()
        .hincrby(this.key(s), 'failures', 1)
        .hset(this.key(s), 'last', String(now))
        .pexpire(this.key(s), THROTTLE.forgetMs)
        .exec();
  }

  async succeeded(account: string): Promise<void> {
    await this.redis.del(this.key({ kind: 'account', id: account }));
  }

  private key(s: Subject): string {
    return `${this.config.CONSOLE_REDIS_PREFIX}:sign-in-failures:${s.kind}:${s.id}`;
  }
}

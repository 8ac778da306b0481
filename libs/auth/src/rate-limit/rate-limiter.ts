import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CONNECTION, SERVICE_NAME } from '@buqi/platform';
import type { RateLimitRule } from './rate-limit.decorator';

/**
 * GCRA (generic cell rate algorithm) in one script, so checking and counting are one atomic step on
 * the server: no read-then-write race between instances. The key holds the "theoretical arrival
 * time"; each allowed request moves it one interval (window / limit) on; a request is refused while
 * that time lies more than a window ahead. Refused requests do not count. Redis's own clock is used,
 * so instances with skewed clocks agree.
 * KEYS[1] the subject's key; ARGV[1] window in ms; ARGV[2] limit.
 * Returns { allowed 0|1, remaining, retry after ms, ms until the full limit is available again }.
 */
const GCRA = `
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local interval = window / limit
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - window
if now < allow_at then
  return {0, 0, math.ceil(allow_at - now), math.ceil(tat - now)}
end
local ttl = math.ceil(next_tat - now)
redis.call('SET', KEYS[1], string.format('%.3f', next_tat), 'PX', ttl)
return {1, math.floor((now - allow_at) / interval + 1e-9), 0, ttl}
`;
const GCRA_SHA = createHash('sha1').update(GCRA).digest('hex');

/** A Redis that does not answer this fast is treated as down. */
const REDIS_TIMEOUT_MS = 1_000;

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** 0 when allowed. */
  readonly retryAfterMs: number;
  /** Until the whole limit is available again. */
  readonly resetMs: number;
}

/** Redis could not be asked; the route is closed rather than left unlimited (ADR 0008). */
export class RateLimiterUnavailableError extends Error {
  override readonly name = 'RateLimiterUnavailableError';
}

/** Counts requests per rule and subject in the shared Redis. */
@Injectable()
export class RateLimiter {
  constructor(
    @Optional() @Inject(REDIS_CONNECTION) private readonly redis?: Redis,
    @Optional() @Inject(SERVICE_NAME) private readonly service?: string,
  ) {}

  /** Whether the application has what rate limits need (checked at start-up). */
  get configured(): boolean {
    return this.redis !== undefined && this.service !== undefined;
  }

  /** `buqi:ratelimit:<service>:<name>:<subject>` */
  key(rule: RateLimitRule, subject: string): string {
    return `buqi:ratelimit:${this.service ?? 'unknown'}:${rule.name}:${subject}`;
  }

  async take(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const redis = this.redis;
    // The shared connection queues commands while disconnected (BullMQ needs that); a request must not wait.
    if (!redis || redis.status !== 'ready') {
      throw new RateLimiterUnavailableError(`Redis is not connected (${redis?.status ?? 'no connection'})`);
    }
    const args = [this.key(rule, subject), Math.round(rule.windowSeconds * 1000), rule.limit];
    const reply = await withTimeout(
      redis.evalsha(GCRA_SHA, 1, ...args).catch((error: unknown) => {
        if (error instanceof Error && error.message.startsWith('NOSCRIPT'))
          return redis.eval(GCRA, 1, ...args);
        throw error;
      }),
    );
    const [allowed, remaining, retryAfterMs, resetMs] = reply as [number, number, number, number];
    return { allowed: allowed === 1, limit: rule.limit, remaining, retryAfterMs, resetMs };
  }
}

async function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RateLimiterUnavailableError(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms`)),
      REDIS_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (error instanceof RateLimiterUnavailableError) throw error;
    throw new RateLimiterUnavailableError(`Redis refused the rate-limit script: ${String(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

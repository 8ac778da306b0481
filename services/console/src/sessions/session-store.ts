import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PLATFORM_CONFIG, REDIS_CONNECTION } from '@buqi/platform';
import type { ConsoleConfig } from '../config';

export interface Session {
  readonly accountId: string;
  readonly startedAt: Date;
}

/**
 * Sessions in Redis, shared by every console instance. The browser holds a random 256-bit id in an
 * httpOnly cookie; Redis holds only its SHA-256, so its contents cannot be replayed as cookies. A
 * session ends after SESSION_IDLE without a request and SESSION_MAX after sign-in, whichever first.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  async start(accountId: string, now = new Date()): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const session = { accountId, startedAt: now.toISOString() };
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', this.config.SESSION_IDLE);
    return id;
  }

  /** The live session with this id, its idle time renewed; undefined when unknown or over. */
  async find(id: string, now = new Date()): Promise<Session | undefined> {
    if (!/^[\w-]{43}$/.test(id)) return undefined;
    const raw = await this.redis.get(this.key(id));
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as { accountId: string; startedAt: string };
    const startedAt = new Date(stored.startedAt);
    const left = startedAt.getTime() + this.config.SESSION_MAX - now.getTime();
    if (left <= 0) {
      await this.end(id);
      return undefined;
    }
    await this.redis.pexpire(this.key(id), Math.min(this.config.SESSION_IDLE, left));
    return { accountId: stored.accountId, startedAt };
  }

  async end(id: string): Promise<void> {
    if (/^[\w-]{43}$/.test(id)) await this.redis.del(this.key(id));
  }

  private key(id: string): string {
    return `${this.config.CONSOLE_REDIS_PREFIX}:session:${createHash('sha256').update(id).digest('base64url')}`;
  }
}

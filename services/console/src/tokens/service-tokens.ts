import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DEV_JWKS_FILE, DevIssuer } from '@buqi/auth';
import { PLATFORM_CONFIG } from '@buqi/platform';
import type { AccountDocument } from '../accounts/account.schema';
import type { ConsoleConfig } from '../config';

/**
 * The tokens the console signs for its users' calls to the services: ES256, short-lived
 * (CONSOLE_TOKEN_TTL), with the claims ADR 0008 fixes (sub, name, roles, department, crew,
 * contractor), read from the account at each request. Locally the key is the development issuer's;
 * its public half is served as a JWKS, so the services trust the console exactly as they would trust
 * the bureau's identity provider, which can replace it without a change to them.
 */
@Injectable()
export class ServiceTokens implements OnModuleInit {
  private issuer?: DevIssuer;
  private readonly cache = new Map<string, { token: string; until: number }>();

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig) {}

  async onModuleInit(): Promise<void> {
    this.issuer = await DevIssuer.open(resolve(this.config.CONSOLE_SIGNING_KEY_DIR));
  }

  /** A token for the account, reused while more than half of its life is left. */
  async for(account: AccountDocument, now = Date.now()): Promise<string> {
    const key = `${account._id}@${account.version}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.token;
    const ttlSeconds = Math.max(1, Math.floor(this.config.CONSOLE_TOKEN_TTL / 1000));
    const token = await this.signer().sign(
      {
        sub: account._id,
        name: account.name,
        roles: account.roles,
        ...(account.department && { department: account.department }),
        ...(account.crew && { crew: account.crew }),
        ...(account.contractor && { contractor: account.contractor }),
      },
      { ttl: `${ttlSeconds}s`, now: new Date(now) },
    );
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { token, until: now + (ttlSeconds * 1000) / 2 });
    return token;
  }

  /** The public keys the services verify the console's tokens with. */
  async jwks(): Promise<unknown> {
    return JSON.parse(await readFile(join(this.signer().dir, DEV_JWKS_FILE), 'utf8'));
  }

  private signer(): DevIssuer {
    if (!this.issuer) throw new Error('the signing key is not loaded yet');
    return this.issuer;
  }
}

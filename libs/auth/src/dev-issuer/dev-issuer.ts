import { existsSync } from 'node:fs';
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { parseDuration } from '@buqi/config';
import type { Role } from '../identity/roles';

/** The issuer and audience of development tokens (ADR 0008). */
export const DEV_ISSUER = 'buqi-dev';
export const DEV_AUDIENCE = 'buqi';
export const DEV_PRIVATE_KEY_FILE = 'dev-issuer.private.jwk.json';
export const DEV_JWKS_FILE = 'jwks.json';
const MAX_TTL_MS = 30 * 86_400_000;

export interface DevTokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly name?: string;
  readonly department?: string;
  readonly crew?: string;
  readonly contractor?: string;
}

/** The AUTH_* variables that make a service trust the dev issuer. */
export interface DevIssuerEnv {
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
  readonly AUTH_JWKS_URL: string;
}

/**
 * The local development issuer: one ES256 key pair under `<repo>/.buqi/auth/`, created on first
 * use, whose public half a service reads through AUTH_JWKS_URL=file://…/jwks.json. The token CLI and
 * the console sign with it. Never a production identity provider: the private key sits on disk.
 */
export class DevIssuer {
  private constructor(
    readonly dir: string,
    readonly kid: string,
    private readonly privateKey: CryptoKey,
  ) {}

  /** `<repo>/.buqi/auth`, the repository found by its nx.json above this file. */
  static defaultDir(from: string = __dirname): string {
    for (let dir = from; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'nx.json'))) return join(dir, '.buqi', 'auth');
      if (dirname(dir) === dir)
        throw new Error(`No nx.json above ${from}: pass the key directory explicitly`);
    }
  }

  /** Loads the key pair in `dir`, creating it first if there is none (safe when two processes race). */
  static async open(dir: string = DevIssuer.defaultDir()): Promise<DevIssuer> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const privatePath = join(dir, DEV_PRIVATE_KEY_FILE);
    const jwk = (await readPrivateJwk(privatePath)) ?? (await createPrivateJwk(privatePath));
    await chmod(privatePath, 0o600);
    const publicJwk = publicPart(jwk);
    await publishJwks(join(dir, DEV_JWKS_FILE), publicJwk);
    const key = await importJWK(jwk, 'ES256');
    if (key instanceof Uint8Array) throw new Error(`${privatePath} does not hold an EC private key`);
    return new DevIssuer(dir, String(publicJwk.kid), key);
  }

  get jwksUrl(): string {
    return pathToFileURL(join(this.dir, DEV_JWKS_FILE)).href;
  }

  env(): DevIssuerEnv {
    return { AUTH_ISSUER: DEV_ISSUER, AUTH_AUDIENCE: DEV_AUDIENCE, AUTH_JWKS_URL: this.jwksUrl };
  }

  /** A token for `claims`, valid for `ttl` ("8h", "30m", …; at most 30 days). */
  async sign(claims: DevTokenClaims, options: { ttl?: string; now?: Date } = {}): Promise<string> {
    const ttlMs = parseDuration(options.ttl ?? '8h');
    if (ttlMs === undefined || ttlMs <= 0 || ttlMs > MAX_TTL_MS) {
      throw new Error(
        `ttl ${JSON.stringify(options.ttl)} is not a duration between 1s and 30d (e.g. 8h, 30m)`,
      );
    }
    const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest, roles: [...claims.roles] })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + Math.ceil(ttlMs / 1000))
      .sign(this.privateKey);
  }
}

async function readPrivateJwk(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.d === 'string' && typeof jwk.kid === 'string') {
      return jwk;
    }
  } catch {
    // Reported below.
  }
  throw new Error(`${path} is not an ES256 private JWK; delete it to make a new dev key pair`);
}

/** Written to a temporary file, then linked into place: a racing process sees the whole key or none. */
async function createPrivateJwk(path: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const full: JWK = { ...jwk, kid: await calculateJwkThumbprint(publicPart(jwk)), alg: 'ES256', use: 'sig' };
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = await readPrivateJwk(path);
    if (!existing) throw error;
    return existing;
  } finally {
    await unlink(temporary);
  }
  return full;
}

function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, y, kid } = jwk;
  return { kty, crv, x, y, ...(kid ? { kid } : {}), alg: 'ES256', use: 'sig' };
}

/** jwks.json always holds exactly the current public key; rewritten atomically when it does not. */
async function publishJwks(path: string, publicJwk: JWK): Promise<void> {
  const wanted = `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`;
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === wanted) return;
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, wanted, { mode: 0o644 });
  await rename(temporary, path);
}

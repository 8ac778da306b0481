import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  SignJWT,
  UnsecuredJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

/** Claims of a test token; anything else given is signed as it is. */
export interface TestClaims {
  readonly sub?: string;
  readonly name?: string;
  readonly roles?: readonly string[];
  readonly department?: string;
  readonly crew?: string;
  readonly contractor?: string;
  readonly [claim: string]: unknown;
}

export interface TestTokenOptions {
  /** Lifetime from now; negative for a token that has already expired. Default 300. */
  readonly ttlSeconds?: number;
  /** Registered claims to leave out, e.g. ['sub'] for a token that names nobody. */
  readonly omit?: readonly ('sub' | 'exp' | 'iss' | 'aud')[];
  readonly issuer?: string;
  readonly audience?: string;
}

/** The AUTH_* variables a service under test needs to trust this issuer. */
export interface TestIssuerEnv {
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
  readonly AUTH_JWKS_URL: string;
}

export interface TestIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** file: URL of the JWKS the issuer publishes. */
  readonly jwksUrl: string;
  readonly env: TestIssuerEnv;
  /** The `kid` tokens are signed with now. */
  readonly kid: string;
  token(claims?: TestClaims, options?: TestTokenOptions): Promise<string>;
  /** Expired an hour ago: beyond any sensible clock tolerance. */
  expiredToken(claims?: TestClaims): Promise<string>;
  /**
   * Signed by a key the issuer never published. `kid: 'same'` (default) reuses the published kid,
   * so the signature check fails; 'unknown' names a kid the key set does not have.
   */
  otherKeyToken(claims?: TestClaims, options?: { kid?: 'same' | 'unknown' }): Promise<string>;
  /** `alg: none`, no signature. */
  unsignedToken(claims?: TestClaims): string;
  /** HS256 with a random secret. */
  hs256Token(claims?: TestClaims): Promise<string>;
  wrongAudienceToken(claims?: TestClaims): Promise<string>;
  wrongIssuerToken(claims?: TestClaims): Promise<string>;
  /** A new signing key, published beside the old one; later tokens carry its kid. */
  rotate(): Promise<string>;
  /** Removes the temporary directory. */
  close(): Promise<void>;
}

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'ES256', use: 'sig' } };
}

const DEFAULT_SUBJECT = 'u-test';

/**
 * A token issuer for tests: a fresh ES256 key pair per call, its JWKS written to a temporary
 * directory, and tokens good or bad in every way a verifier must notice.
 */
export async function createTestIssuer(
  options: { issuer?: string; audience?: string } = {},
): Promise<TestIssuer> {
  const issuer = options.issuer ?? 'buqi-test';
  const audience = options.audience ?? 'buqi';
  const dir = await mkdtemp(join(tmpdir(), 'buqi-issuer-'));
  const jwksPath = join(dir, 'jwks.json');
  const jwksUrl = pathToFileURL(jwksPath).href;
  const published: SigningKey[] = [await newKey()];
  const publish = () =>
    writeFile(jwksPath, JSON.stringify({ keys: published.map((k) => k.publicJwk) }, null, 2));
  await publish();
  const current = () => published[published.length - 1];

  const payload = (claims: TestClaims, o: TestTokenOptions): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    const registered: Record<string, unknown> = {
      sub: DEFAULT_SUBJECT,
      iss: o.issuer ?? issuer,
      aud: o.audience ?? audience,
      iat: now,
      exp: now + (o.ttlSeconds ?? 300),
    };
    for (const name of o.omit ?? []) delete registered[name];
    return { roles: [], ...registered, ...claims };
  };
  const sign = (claims: TestClaims, o: TestTokenOptions, key = current(), kid = key.kid) =>
    new SignJWT(payload(claims, o))
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .sign(key.privateKey);

  return {
    issuer,
    audience,
    jwksUrl,
    env: { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience, AUTH_JWKS_URL: jwksUrl },
    get kid() {
      return current().kid;
    },
    token: (claims = {}, o = {}) => sign(claims, o),
    expiredToken: (claims = {}) =>
      sign({ iat: Math.floor(Date.now() / 1000) - 7200, ...claims }, { ttlSeconds: -3600 }),
    otherKeyToken: async (claims = {}, o = {}) => {
      const stranger = await newKey();
      return sign(claims, {}, stranger, o.kid === 'unknown' ? stranger.kid : current().kid);
    },
    unsignedToken: (claims = {}) => new UnsecuredJWT(payload(claims, {})).encode(),
    hs256Token: (claims = {}) =>
      new SignJWT(payload(claims, {}))
        .setProtectedHeader({ alg: 'HS256', kid: current().kid, typ: 'JWT' })
        .sign(crypto.getRandomValues(new Uint8Array(32))),
    wrongAudienceToken: (claims = {}) => sign(claims, { audience: 'someone-else' }),
    wrongIssuerToken: (claims = {}) => sign(claims, { issuer: 'https://impostor.example' }),
    rotate: async () => {
      published.push(await newKey());
      await publish();
      return current().kid;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

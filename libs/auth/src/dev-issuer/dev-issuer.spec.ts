import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TokenVerifier } from '../tokens/token-verifier';
import { DEV_JWKS_FILE, DEV_PRIVATE_KEY_FILE, DevIssuer } from './dev-issuer';

describe('DevIssuer', () => {
  let dir: string;
  beforeEach(async () => (dir = join(await mkdtemp(join(tmpdir(), 'buqi-dev-issuer-')), 'auth')));
  afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

  it('creates an ES256 key pair on first use: the private key 0600, the JWKS with its kid', async () => {
    const issuer = await DevIssuer.open(dir);
    expect((await stat(join(dir, DEV_PRIVATE_KEY_FILE))).mode & 0o777).toBe(0o600);
    const jwks = JSON.parse(await readFile(join(dir, DEV_JWKS_FILE), 'utf8')) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: issuer.kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('reuses the key pair afterwards, and when two processes create it at once', async () => {
    const [a, b] = await Promise.all([DevIssuer.open(dir), DevIssuer.open(dir)]);
    expect(a.kid).toBe(b.kid);
    expect((await DevIssuer.open(dir)).kid).toBe(a.kid);
  });

  it('rewrites a missing or stale jwks.json from the private key', async () => {
    const issuer = await DevIssuer.open(dir);
    await writeFile(join(dir, DEV_JWKS_FILE), '{"keys":[]}');
    await DevIssuer.open(dir);
    expect(await readFile(join(dir, DEV_JWKS_FILE), 'utf8')).toContain(issuer.kid);
  });

  it('refuses a damaged private key file, saying how to recover', async () => {
    await DevIssuer.open(dir);
    await writeFile(join(dir, DEV_PRIVATE_KEY_FILE), '{"kty":"oct"}');
    await expect(DevIssuer.open(dir)).rejects.toThrow(/is not an ES256 private JWK; delete it/);
  });

  it('signs tokens a TokenVerifier configured from env() accepts', async () => {
    const issuer = await DevIssuer.open(dir);
    expect(issuer.env()).toEqual({
      AUTH_ISSUER: 'buqi-dev',
      AUTH_AUDIENCE: 'buqi',
      AUTH_JWKS_URL: expect.stringMatching(/^file:\/\/\/.*\/auth\/jwks\.json$/),
    });
    const token = await issuer.sign({ sub: 'u-1', name: '张三', roles: ['supervisor'], crew: 'crew-7' });
    const verifier = TokenVerifier.fromSettings({
      ...issuer.env(),
      AUTH_CLOCK_TOLERANCE: 0,
      AUDIT_RETENTION_DAYS: 365,
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      kind: 'user',
      id: 'u-1',
      name: '张三',
      roles: ['supervisor'],
      crew: 'crew-7',
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: issuer.kid, typ: 'JWT' });
  });

  it('sets the lifetime from ttl and refuses nonsense', async () => {
    const issuer = await DevIssuer.open(dir);
    const now = new Date('2026-11-29T08:00:00Z');
    const { iat, exp } = decodeJwt(await issuer.sign({ sub: 'u', roles: [] }, { ttl: '30m', now }));
    expect({ iat, exp }).toEqual({ iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 1800 });
    expect(decodeJwt(await issuer.sign({ sub: 'u', roles: [] }, { now })).exp).toBe(
      now.getTime() / 1000 + 8 * 3600,
    );
    await expect(issuer.sign({ sub: 'u', roles: [] }, { ttl: 'forever' })).rejects.toThrow(/ttl "forever"/);
    await expect(issuer.sign({ sub: 'u', roles: [] }, { ttl: '60d' })).rejects.toThrow(/between 1s and 30d/);
  });

  it('finds <repo>/.buqi/auth by default', () => {
    expect(DevIssuer.defaultDir()).toMatch(/\/\.buqi\/auth$/);
    expect(() => DevIssuer.defaultDir('/')).toThrow(/No nx.json above/);
  });
});

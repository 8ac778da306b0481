import { createTestIssuer, type TestIssuer } from '@buqi/testing';
import { keySetFor } from './key-sets';
import { InvalidTokenError, KeySetUnavailableError } from './token-errors';
import { TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  let issuer: TestIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    verifier = TokenVerifier.fromSettings({
      ...issuer.env,
      AUTH_CLOCK_TOLERANCE: 30_000,
      AUDIT_RETENTION_DAYS: 365,
    });
  });
  afterAll(() => issuer.close());

  const refusal = async (token: string | Promise<string>) => {
    const error = await verifier.verify(await token).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof InvalidTokenError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return { problem: error.problem, message: error.message };
  };

  it('accepts a good token and maps its claims', async () => {
    const token = await issuer.token({
      sub: 'u-1',
      name: '张三',
      roles: ['supervisor', 'no-such-role'],
      crew: 'crew-7',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      kind: 'user',
      id: 'u-1',
      name: '张三',
      roles: ['supervisor'],
      crew: 'crew-7',
    });
  });

  it('refuses an expired token, saying when it expired', async () => {
    expect(await refusal(issuer.expiredToken())).toEqual({
      problem: 'expired',
      message: expect.stringMatching(/^The token expired at \d{4}-\d\d-\d\dT/),
    });
  });

  it('tolerates clock skew within AUTH_CLOCK_TOLERANCE', async () => {
    await expect(verifier.verify(await issuer.token({}, { ttlSeconds: -5 }))).resolves.toMatchObject({
      id: 'u-test',
    });
  });

  it('refuses a token signed by another key under the published kid', async () => {
    expect(await refusal(issuer.otherKeyToken())).toEqual({
      problem: 'bad-signature',
      message: 'The token signature is invalid',
    });
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    expect((await refusal(issuer.otherKeyToken({}, { kid: 'unknown' }))).problem).toBe('unknown-key');
  });

  it.each([
    ['alg: none', (i: TestIssuer) => Promise.resolve(i.unsignedToken()), '"none"'],
    ['HS256', (i: TestIssuer) => i.hs256Token(), '"HS256"'],
  ])('refuses %s, naming the algorithm', async (_name, make, alg) => {
    expect(await refusal(make(issuer))).toEqual({
      problem: 'unsupported-algorithm',
      message: `The token's algorithm ${alg} is not accepted (accepted: ES256, RS256, EdDSA)`,
    });
  });

  it('refuses the wrong issuer', async () => {
    expect(await refusal(issuer.wrongIssuerToken())).toEqual({
      problem: 'wrong-issuer',
      message: `The token's issuer "https://impostor.example" is not the expected "buqi-test"`,
    });
  });

  it('refuses the wrong audience', async () => {
    expect(await refusal(issuer.wrongAudienceToken())).toEqual({
      problem: 'wrong-audience',
      message: 'The token is not meant for the audience "buqi"',
    });
  });

  it('refuses a token without exp', async () => {
    expect(await refusal(issuer.token({}, { omit: ['exp'] }))).toEqual({
      problem: 'missing-claim',
      message: 'The token has no "exp" claim',
    });
  });

  it('refuses a token without sub', async () => {
    expect(await refusal(issuer.token({}, { omit: ['sub'] }))).toEqual({
      problem: 'no-subject',
      message: 'The token names no subject (sub claim)',
    });
  });

  it.each(['not-a-jwt', 'a.b.c', ''])('refuses the malformed token %j', async (token) => {
    expect((await refusal(token)).problem).toBe('malformed');
  });

  it('reports a JWKS file that cannot be read as the key set being unavailable, not the token', async () => {
    const v = new TokenVerifier(
      { issuer: issuer.issuer, audience: issuer.audience, clockToleranceMs: 0 },
      keySetFor('file:///nonexistent/buqi/jwks.json'),
    );
    await expect(v.verify(await issuer.token())).rejects.toBeInstanceOf(KeySetUnavailableError);
  });
});

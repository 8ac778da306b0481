import { ConfigError, defineConfig, loadConfig } from '@buqi/config';
import { authConfig } from './auth.config';

const spec = defineConfig({ ...authConfig });
const valid = {
  AUTH_ISSUER: 'https://sso.example.gov.cn',
  AUTH_AUDIENCE: 'buqi',
  AUTH_JWKS_URL: 'https://sso.example.gov.cn/jwks.json',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('authConfig', () => {
  it('loads with defaults for the clock tolerance and the audit retention', () => {
    expect(loadConfig(spec, valid)).toEqual({
      ...valid,
      AUTH_CLOCK_TOLERANCE: 30_000,
      AUDIT_RETENTION_DAYS: 365,
    });
  });

  it('accepts a file: JWKS and explicit values', () => {
    const config = loadConfig(spec, {
      ...valid,
      AUTH_JWKS_URL: 'file:///work/.buqi/auth/jwks.json',
      AUTH_CLOCK_TOLERANCE: '5s',
      AUDIT_RETENTION_DAYS: '180',
    });
    expect(config).toMatchObject({
      AUTH_JWKS_URL: 'file:///work/.buqi/auth/jwks.json',
      AUTH_CLOCK_TOLERANCE: 5_000,
      AUDIT_RETENTION_DAYS: 180,
    });
  });

  it.each(['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'])('names a missing %s', (name) => {
    expect(problems({ ...valid, [name]: undefined })).toEqual([
      expect.stringMatching(new RegExp(`^${name}: ${name} is required`)),
    ]);
  });

  it.each([
    ['AUTH_JWKS_URL', 'ftp://keys.example/jwks.json'],
    ['AUTH_JWKS_URL', 'not a url'],
    ['AUTH_JWKS_URL', 'file:///'],
    ['AUTH_CLOCK_TOLERANCE', 'soon'],
    ['AUDIT_RETENTION_DAYS', '90'],
    ['AUDIT_RETENTION_DAYS', 'a year'],
  ])('names a malformed %s=%s', (name, value) => {
    expect(problems({ ...valid, [name]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${name}: ${name}=${JSON.stringify(value)} is not`)),
    ]);
  });

  it('says the retention minimum is 180 days', () => {
    expect(problems({ ...valid, AUDIT_RETENTION_DAYS: '179' })[0]).toContain('at least 180');
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { workspaceRoot } from '@buqi/testing';
import { TokenVerifier } from '../tokens/token-verifier';

const run = promisify(execFile);

/** The scripts a developer runs, through bash, Node 24 and SWC as they do. */
describe('deploy/local/bin/dev-issuer and token', () => {
  const root = workspaceRoot();
  let home: string;
  beforeAll(async () => (home = await mkdtemp(join(tmpdir(), 'buqi-home-'))));
  afterAll(() => rm(home, { recursive: true, force: true }));

  const script = (name: string, args: string[]) =>
    run('bash', [join(root, 'deploy/local/bin', name), ...args], {
      env: { ...process.env, BUQI_HOME: home },
    });
  const failure = (name: string, args: string[]) =>
    script(name, args).then(
      () => {
        throw new Error('expected the command to fail');
      },
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('prints export lines that trust the key it creates, and signs tokens they verify', async () => {
    const env = await script('dev-issuer', ['env']);
    const jwks = `file://${join(home, 'auth', 'jwks.json')}`;
    expect(env.stdout).toBe(
      `export AUTH_ISSUER='buqi-dev'\nexport AUTH_AUDIENCE='buqi'\nexport AUTH_JWKS_URL='${jwks}'\n`,
    );

    const token = await script('token', [
      '--role',
      'supervisor',
      '--role',
      'finance',
      '--sub',
      'u-1',
      '--name',
      '张三',
      '--crew',
      'crew-7',
      '--ttl',
      '2h',
    ]);
    const verifier = TokenVerifier.fromSettings({
      AUTH_ISSUER: 'buqi-dev',
      AUTH_AUDIENCE: 'buqi',
      AUTH_JWKS_URL: jwks,
      AUTH_CLOCK_TOLERANCE: 0,
      AUDIT_RETENTION_DAYS: 365,
    });
    await expect(verifier.verify(token.stdout.trim())).resolves.toEqual({
      kind: 'user',
      id: 'u-1',
      name: '张三',
      roles: ['supervisor', 'finance'],
      crew: 'crew-7',
    });
    const { iat, exp } = decodeJwt(token.stdout.trim());
    expect(Number(exp) - Number(iat)).toBe(7200);
  });

  it('refuses an unknown role, listing the valid ones', async () => {
    const error = await failure('token', ['--role', 'boss']);
    expect(error.code).toBe(2);
    expect(error.stdout).toBe('');
    expect(error.stderr).toContain(
      'unknown role "boss"; valid roles: crew-member, contractor, supervisor, department-head, asset-manager, finance, admin',
    );
  });
});

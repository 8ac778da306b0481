import { Controller, Get, Param, Post } from '@nestjs/common';
import { Public } from '@buqi/platform';
import { createTestIssuer, type TestIssuer } from '@buqi/testing';
import { bearer, call, startTestApp, type TestApp } from '../__fixtures__/test-app';
import { generateDeviceKey } from '../device-keys/device-key';
import { DEVICE_KEY_STORE, type DeviceKeyStore, type StoredDeviceKey } from '../device-keys/device-key.store';
import type { Principal } from '../identity/principal';
import { CurrentPrincipal } from './current-principal.decorator';
import { DeviceAuth } from './device-auth.decorator';
import { OwnerOf } from './owner-of.decorator';
import { Roles } from './roles.decorator';

@Controller('things')
class ThingsController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('supervisor', 'admin')
  @Get('supervised')
  supervised() {
    return { supervised: true };
  }

  @OwnerOf({ param: 'crewId', claim: 'crew', unlessRoles: ['supervisor'] })
  @Get('crews/:crewId/work')
  crewWork(@Param('crewId') crewId: string) {
    return { crewId };
  }

  @DeviceAuth()
  @Post('readings')
  reading(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}

@Public()
@Controller('public')
class PublicController {
  @Get()
  hello() {
    return { hello: true };
  }
}

const keys = new Map<string, StoredDeviceKey>();
const store: DeviceKeyStore = { find: (keyId) => Promise.resolve(keys.get(keyId)) };

describe('AuthGuard (in-process app)', () => {
  let issuer: TestIssuer;
  let app: TestApp;
  const url = (path: string) => `${app.url}${path}`;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    app = await startTestApp(issuer, {
      controllers: [ThingsController, PublicController],
      providers: [{ provide: DEVICE_KEY_STORE, useValue: store }],
    });
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
  });

  describe('public routes', () => {
    it('answer without credentials, on a method or a whole controller', async () => {
      expect(await call(url('/things/open'))).toMatchObject({ status: 200, body: { open: true } });
      expect(await call(url('/public'))).toMatchObject({ status: 200, body: { hello: true } });
    });

    it('ignore a bad token', async () => {
      expect((await call(url('/things/open'), bearer('garbage'))).status).toBe(200);
    });
  });

  describe('401', () => {
    it('for a missing token, with a bare realm challenge', async () => {
      const reply = await call(url('/things/me'));
      expect(reply.status).toBe(401);
      expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="buqi"');
      expect(reply.body['message']).toBe('Missing bearer token: send "Authorization: Bearer <token>"');
    });

    it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], ['Bearer <script>']])(
      'for the malformed header %j',
      async (authorization) => {
        const reply = await call(url('/things/me'), { headers: { authorization } });
        expect(reply.status).toBe(401);
        expect(reply.headers.get('www-authenticate')).toBe(
          'Bearer realm="buqi", error="invalid_request", error_description="The Authorization header must be \'Bearer <token>\'"',
        );
        expect(reply.body['message']).toBe('The Authorization header must be "Bearer <token>"');
      },
    );

    it.each<[string, (i: TestIssuer) => Promise<string> | string, RegExp]>([
      ['an expired token', (i) => i.expiredToken(), /^The token expired at /],
      ['a token signed by another key', (i) => i.otherKeyToken(), /^The token signature is invalid$/],
      [
        'a token whose key is not published',
        (i) => i.otherKeyToken({}, { kid: 'unknown' }),
        /does not publish/,
      ],
      ['alg: none', (i) => i.unsignedToken(), /algorithm "none" is not accepted/],
      ['HS256', (i) => i.hs256Token(), /algorithm "HS256" is not accepted/],
      [
        'the wrong issuer',
        (i) => i.wrongIssuerToken(),
        /issuer "https:\/\/impostor.example" is not the expected/,
      ],
      ['the wrong audience', (i) => i.wrongAudienceToken(), /not meant for the audience "buqi"/],
      ['a token without sub', (i) => i.token({}, { omit: ['sub'] }), /names no subject/],
      ['a token that is not a JWT', () => 'abc.def.ghi', /malformed/],
    ])('for %s, saying what is wrong', async (_case, make, message) => {
      const reply = await call(url('/things/me'), bearer(await make(issuer)));
      expect(reply.status).toBe(401);
      expect(reply.body['message']).toMatch(message);
      const challenge = reply.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(/^Bearer realm="buqi", error="invalid_token", error_description="[^"]+"$/);
      expect(challenge).toContain(String(reply.body['message']).replace(/"/g, "'"));
    });
  });

  it('hands the verified principal to the route', async () => {
    const token = await issuer.token({ sub: 'u-7', name: '李四', roles: ['finance'], department: 'd-1' });
    expect(await call(url('/things/me'), bearer(token))).toMatchObject({
      status: 200,
      body: { kind: 'user', id: 'u-7', name: '李四', roles: ['finance'], department: 'd-1' },
    });
  });

  describe('@Roles', () => {
    it('lets in a holder of any of the roles', async () => {
      const token = await issuer.token({ roles: ['crew-member', 'admin'] });
      expect((await call(url('/things/supervised'), bearer(token))).status).toBe(200);
    });

    it('answers 403 naming the roles needed', async () => {
      const token = await issuer.token({ roles: ['crew-member'] });
      const reply = await call(url('/things/supervised'), bearer(token));
      expect(reply.status).toBe(403);
      expect(reply.body['message']).toBe('This needs one of the roles: supervisor, admin');
    });
  });

  describe('@OwnerOf', () => {
    it('allows the owner', async () => {
      const token = await issuer.token({ roles: ['crew-member'], crew: 'crew-7' });
      expect(await call(url('/things/crews/crew-7/work'), bearer(token))).toMatchObject({
        status: 200,
        body: { crewId: 'crew-7' },
      });
    });

    it('denies another crew with 403', async () => {
      const token = await issuer.token({ roles: ['crew-member'], crew: 'crew-7' });
      const reply = await call(url('/things/crews/crew-8/work'), bearer(token));
      expect(reply.status).toBe(403);
      expect(reply.body['message']).toMatch(/^Access denied: this belongs to another crew/);
    });

    it('is bypassed by an unless role', async () => {
      const token = await issuer.token({ roles: ['supervisor'] });
      expect((await call(url('/things/crews/crew-8/work'), bearer(token))).status).toBe(200);
    });
  });

  describe('@DeviceAuth', () => {
    const device = generateDeviceKey();
    const revoked = generateDeviceKey();
    beforeAll(() => {
      keys.set(device.keyId, { deviceId: 'dev-1', hash: device.hash, revoked: false });
      keys.set(revoked.keyId, { deviceId: 'dev-2', hash: revoked.hash, revoked: true });
    });
    const post = (headers: Record<string, string>) =>
      call(url('/things/readings'), { method: 'POST', headers });

    it('accepts a device key in Authorization or X-Device-Key', async () => {
      expect(await post({ authorization: `ApiKey ${device.key}` })).toMatchObject({
        status: 201,
        body: { kind: 'device', id: 'dev-1' },
      });
      expect((await post({ 'x-device-key': device.key })).body).toEqual({ kind: 'device', id: 'dev-1' });
    });

    it.each<[string, () => Record<string, string>, string]>([
      ['no key', () => ({}), 'Missing device key: send "Authorization: ApiKey <key>" or "X-Device-Key"'],
      ['a malformed key', () => ({ 'x-device-key': 'bqd_nope' }), 'The device key is malformed'],
      ['an unknown key', () => ({ 'x-device-key': generateDeviceKey().key }), 'The device key is not valid'],
      [
        'a wrong secret for a known key id',
        () => ({
          'x-device-key': generateDeviceKey().key.replace(/^bqd_[0-9a-f]+_/, `bqd_${device.keyId}_`),
        }),
        'The device key is not valid',
      ],
      [
        'a revoked key',
        () => ({ authorization: `ApiKey ${revoked.key}` }),
        'The device key has been revoked',
      ],
    ])('refuses %s with 401', async (_case, headers, message) => {
      const reply = await post(headers());
      expect(reply.status).toBe(401);
      expect(reply.headers.get('www-authenticate')).toBe('ApiKey realm="buqi"');
      expect(reply.body['message']).toBe(message);
    });

    it('does not take a bearer token instead', async () => {
      const reply = await post({ authorization: `Bearer ${await issuer.token({ roles: ['admin'] })}` });
      expect(reply.status).toBe(401);
    });
  });
});

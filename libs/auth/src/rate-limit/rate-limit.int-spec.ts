import { Controller, Get, Global, Module, Post } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Public, REDIS_CONNECTION, SERVICE_NAME } from '@buqi/platform';
import { createTestIssuer, freePort, testEngines, uniqueName, waitFor, type TestIssuer } from '@buqi/testing';
import { bearer, call, startTestApp, type TestApp } from '../__fixtures__/test-app';
import { generateDeviceKey } from '../device-keys/device-key';
import { DEVICE_KEY_STORE } from '../device-keys/device-key.store';
import { DeviceAuth } from '../http/device-auth.decorator';
import { RateLimit } from './rate-limit.decorator';

@Controller('limited')
class LimitedController {
  @Public()
  @RateLimit({ name: 'by-ip', limit: 3, windowSeconds: 60, by: 'ip' })
  @Get('ip')
  byIp() {
    return { ok: true };
  }

  @RateLimit({ name: 'by-user', limit: 2, windowSeconds: 60, by: 'principal' })
  @Get('user')
  byUser() {
    return { ok: true };
  }

  @DeviceAuth()
  @RateLimit({ name: 'by-device', limit: 1, windowSeconds: 60, by: 'device' })
  @Post('device')
  byDevice() {
    return { ok: true };
  }

  @Public()
  @RateLimit({ name: 'burst', limit: 5, windowSeconds: 60, by: 'ip' })
  @Get('burst')
  burst() {
    return { ok: true };
  }

  @Public()
  @RateLimit({ name: 'short', limit: 1, windowSeconds: 1, by: 'ip' })
  @Get('short')
  short() {
    return { ok: true };
  }

  @Public()
  @Get('unlimited')
  unlimited() {
    return { ok: true };
  }
}

/** Stands in for PlatformModule's REDIS_CONNECTION and SERVICE_NAME. */
function redisModule(redis: Redis, service: string) {
  @Global()
  @Module({
    providers: [
      { provide: REDIS_CONNECTION, useValue: redis },
      { provide: SERVICE_NAME, useValue: service },
    ],
    exports: [REDIS_CONNECTION, SERVICE_NAME],
  })
  class RedisTestModule {}
  return RedisTestModule;
}

const device = generateDeviceKey();
const store = {
  provide: DEVICE_KEY_STORE,
  useValue: {
    find: (keyId: string) =>
      Promise.resolve(
        keyId === device.keyId ? { deviceId: 'dev-1', hash: device.hash, revoked: false } : undefined,
      ),
  },
};

describe('@RateLimit against the real Redis', () => {
  const service = uniqueName('auth-int');
  let issuer: TestIssuer;
  let redis: Redis;
  let app: TestApp;
  const url = (path: string) => `${app.url}/limited${path}`;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    // Configured like the platform's shared connection.
    redis = new Redis(testEngines().REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
    await redis.connect();
    app = await startTestApp(issuer, {
      imports: [redisModule(redis, service)],
      controllers: [LimitedController],
      providers: [store],
    });
  });
  afterAll(async () => {
    await app?.close();
    const keys = await redis.keys(`buqi:ratelimit:${service}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await issuer?.close();
  });

  it('allows the limit per ip, then answers 429 with Retry-After', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      const reply = await call(url('/ip'));
      expect(reply.status).toBe(200);
      expect(reply.headers.get('ratelimit-limit')).toBe('3');
      remaining.push(reply.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await call(url('/ip'));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    // One request's share of the window: 60 s / 3.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(refused.body['message']).toBe(
      `Too many requests: limit "by-ip" allows 3 per 60 s; retry after ${retryAfter} s`,
    );
  });

  it('keeps its count under buqi:ratelimit:<service>:<name>:<subject>, expiring', async () => {
    const key = `buqi:ratelimit:${service}:by-ip:127.0.0.1`;
    expect(await redis.exists(key)).toBe(1);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('counts each principal on its own', async () => {
    const alice = bearer(await issuer.token({ sub: 'alice' }));
    const bob = bearer(await issuer.token({ sub: 'bob' }));
    expect((await call(url('/user'), alice)).status).toBe(200);
    expect((await call(url('/user'), alice)).status).toBe(200);
    expect((await call(url('/user'), alice)).status).toBe(429);
    expect((await call(url('/user'), bob)).status).toBe(200);
    expect(await redis.exists(`buqi:ratelimit:${service}:by-user:alice`)).toBe(1);
  });

  it('counts each device on its own, after authenticating it', async () => {
    const post = (key: string) => call(url('/device'), { method: 'POST', headers: { 'x-device-key': key } });
    expect((await post(device.key)).status).toBe(201);
    expect((await post(device.key)).status).toBe(429);
    // A bad key is refused by authentication and never counted.
    expect((await post(generateDeviceKey().key)).status).toBe(401);
    expect(await redis.exists(`buqi:ratelimit:${service}:by-device:dev-1`)).toBe(1);
  });

  it('lets exactly the limit through when requests arrive together', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => call(url('/burst'))));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('allows again once the window has moved on', async () => {
    expect((await call(url('/short'))).status).toBe(200);
    expect((await call(url('/short'))).status).toBe(429);
    await waitFor('the short limit to allow again', async () => (await call(url('/short'))).status === 200, {
      timeoutMs: 10_000,
    });
  });
});

describe('@RateLimit with Redis unreachable', () => {
  let issuer: TestIssuer;
  let redis: Redis;
  let app: TestApp;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    // A connection that is not up. The shared connection reports 'reconnecting' while Redis is down;
    // every status but 'ready' takes the same path. Nothing listens on the port either.
    redis = new Redis(await freePort(), '127.0.0.1', { maxRetriesPerRequest: null, lazyConnect: true });
    app = await startTestApp(issuer, {
      imports: [redisModule(redis, uniqueName('auth-int-down'))],
      controllers: [LimitedController],
      providers: [store],
    });
  });
  afterAll(async () => {
    await app?.close();
    redis.disconnect();
    await issuer?.close();
  });

  it('closes rate-limited routes with 503 and Retry-After (fail closed)', async () => {
    const reply = await call(`${app.url}/limited/ip`);
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('5');
    expect(reply.body['message']).toBe(
      'Rate limiting is unavailable, so this route is closed for now; try again later',
    );
  });

  it('leaves routes without a limit open', async () => {
    expect((await call(`${app.url}/limited/unlimited`)).status).toBe(200);
  });
});

import { Controller, Get, Module, Post, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Public } from '@buqi/platform';
import { createTestIssuer, type TestIssuer } from '@buqi/testing';
import { AuthModule } from '../auth.module';
import { DEVICE_KEY_STORE } from '../device-keys/device-key.store';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { DeviceAuth } from './device-auth.decorator';
import { OwnerOf } from './owner-of.decorator';
import { Roles } from './roles.decorator';

describe('start-up route check', () => {
  let issuer: TestIssuer;
  beforeAll(async () => (issuer = await createTestIssuer()));
  afterAll(() => issuer.close());

  async function startError(
    controller: Type<unknown>,
    providers: unknown[] = [],
  ): Promise<string | undefined> {
    @Module({
      imports: [AuthModule.forRoot({ ...issuer.env, AUTH_CLOCK_TOLERANCE: 0, AUDIT_RETENTION_DAYS: 365 })],
      controllers: [controller],
      providers: providers as never[],
    })
    class AppModule {}
    const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
    try {
      await app.init();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await app.close();
    }
  }

  @Controller('devices')
  class DeviceController {
    @DeviceAuth()
    @Post('readings')
    reading() {
      return {};
    }
  }

  it('refuses @DeviceAuth() without a DEVICE_KEY_STORE, naming the route', async () => {
    expect(await startError(DeviceController)).toBe(
      'Invalid route access set-up:\n  - DeviceController.reading uses @DeviceAuth() but no DEVICE_KEY_STORE is provided: add { provide: DEVICE_KEY_STORE, useClass: <your DeviceKeyStore> } to a module of the service',
    );
  });

  it('starts once a DEVICE_KEY_STORE is provided', async () => {
    const store = { provide: DEVICE_KEY_STORE, useValue: { find: () => Promise.resolve(undefined) } };
    expect(await startError(DeviceController, [store])).toBeUndefined();
  });

  it('refuses an @OwnerOf() parameter the path does not have', async () => {
    @Controller('crews')
    class CrewController {
      @OwnerOf({ param: 'crewId', claim: 'crew' })
      @Get(':crew/work')
      work() {
        return {};
      }
    }
    expect(await startError(CrewController)).toContain(
      `CrewController.work has @OwnerOf({ param: 'crewId' }) but its path "crews/:crew/work" has no :crewId`,
    );
  });

  it('accepts an @OwnerOf() parameter in the controller path', async () => {
    @OwnerOf({ param: 'crewId', claim: 'crew' })
    @Controller('crews/:crewId')
    class CrewController {
      @Get('work')
      work() {
        return {};
      }
    }
    expect(await startError(CrewController)).toBeUndefined();
  });

  it('refuses rate limits without Redis, and subjects the route cannot have', async () => {
    @Controller('limited')
    class LimitedController {
      @RateLimit({ name: 'by-device', limit: 1, windowSeconds: 1, by: 'device' })
      @Get('a')
      a() {
        return {};
      }

      @Public()
      @RateLimit({ name: 'by-user', limit: 1, windowSeconds: 1, by: 'principal' })
      @Get('b')
      b() {
        return {};
      }
    }
    const message = await startError(LimitedController);
    expect(message).toContain(
      'LimitedController.a has @RateLimit() but no REDIS_CONNECTION and SERVICE_NAME',
    );
    expect(message).toContain('rate limit "by-device" counts by device but the route is not @DeviceAuth()');
    expect(message).toContain('rate limit "by-user" counts by principal but the route is public');
  });

  it('refuses contradictions: public and device, roles where nobody holds any', async () => {
    @Controller('odd')
    class OddController {
      @Public()
      @DeviceAuth()
      @Get('a')
      a() {
        return {};
      }

      @Public()
      @Roles('admin')
      @Get('b')
      b() {
        return {};
      }
    }
    const message = await startError(OddController);
    expect(message).toContain('OddController.a is both @Public() and @DeviceAuth()');
    expect(message).toContain('OddController.b has @Roles() but is public');
  });
});

describe('decorator arguments', () => {
  it('@Roles() refuses unknown roles', () => {
    expect(() => Roles('root' as never)).toThrow(/@Roles\(\) needs one or more of crew-member, contractor/);
  });

  it('@RateLimit() refuses nonsense', () => {
    expect(() => RateLimit({ name: 'Bad Name', limit: 0, windowSeconds: -1, by: 'ip' })).toThrow(
      'name must be lowercase letters, digits, ".", "_" or "-"; limit must be a positive integer; windowSeconds must be positive',
    );
  });
});

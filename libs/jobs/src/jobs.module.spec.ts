import { Controller, Global, Injectable, Module, Scope, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@buqi/observability';
import { HealthCheckRegistry, PLATFORM_LOGGER, REDIS_CONNECTION } from '@buqi/platform';
import { ProbeQueue } from './__fixtures__/probe.queues';
import { JobProcessor } from './job-processor.decorator';
import { JobsModule } from './jobs.module';

// What PlatformModule provides, without engines: these apps fail while discovering processors,
// before any worker would connect.
@Global()
@Module({
  providers: [
    { provide: PLATFORM_LOGGER, useValue: createLogger({ name: 'jobs-spec', level: 'silent' }) },
    { provide: REDIS_CONNECTION, useValue: {} },
    HealthCheckRegistry,
  ],
  exports: [PLATFORM_LOGGER, REDIS_CONNECTION, HealthCheckRegistry],
})
class FakePlatformModule {}

function start(module: { providers?: Type[]; controllers?: Type[] }) {
  @Module(module)
  class FeatureModule {}
  @Module({ imports: [FakePlatformModule, JobsModule.forRoot(), FeatureModule] })
  class AppModule {}
  return NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
}

@Injectable()
class FirstEcho {
  @JobProcessor(ProbeQueue, 'echo')
  async echo(): Promise<void> {
    // only its decoration is under test
  }
}

@Injectable()
class SecondEcho {
  @JobProcessor(ProbeQueue, 'echo')
  async handle(): Promise<void> {
    // only its decoration is under test
  }
}

describe('JobsModule discovery', () => {
  it('refuses to start with two processors for one job, naming both', async () => {
    await expect(start({ providers: [FirstEcho, SecondEcho] })).rejects.toThrow(
      'job "echo" on queue probes has two processors: FirstEcho.echo and SecondEcho.handle',
    );
  });

  it('refuses a processor on a controller rather than ignoring it', async () => {
    @Controller()
    class EchoController {
      @JobProcessor(ProbeQueue, 'echo')
      async echo(): Promise<void> {
        // only its decoration is under test
      }
    }
    await expect(start({ controllers: [EchoController] })).rejects.toThrow(
      'EchoController is a controller; put its @JobProcessor methods in a provider',
    );
  });

  it('refuses a processor on a request-scoped provider rather than ignoring it', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class ScopedEcho {
      @JobProcessor(ProbeQueue, 'echo')
      async echo(): Promise<void> {
        // only its decoration is under test
      }
    }
    await expect(start({ providers: [ScopedEcho] })).rejects.toThrow(
      'ScopedEcho has @JobProcessor methods but is not a singleton provider',
    );
  });
});

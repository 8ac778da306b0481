// A service process whose only feature is EchoProcessor: PlatformModule + JobsModule, started by
// bootstrapService as every service is (readiness at /health/ready, SIGTERM closes the app).
import { Module } from '@nestjs/common';
import {
  defineConfig,
  httpConfig,
  int,
  loadConfigOrExit,
  mongoConfig,
  redisConfig,
  str,
  telemetryConfig,
} from '@buqi/config';
import { bootstrapService, PlatformModule } from '@buqi/platform';
import { JobsModule } from '../jobs.module';
import { EchoProcessor } from './echo.processor';

const config = loadConfigOrExit(
  defineConfig({
    ...httpConfig(0),
    ...mongoConfig('buqi_jobs_fixture'),
    ...redisConfig,
    ...telemetryConfig,
    JOBS_PREFIX: str({ description: 'BullMQ key prefix of this test run' }),
    JOBS_SHUTDOWN_TIMEOUT_MS: int({
      description: 'How long shutdown waits for active jobs',
      min: 1,
      default: 10_000,
    }),
  }),
);

@Module({ providers: [EchoProcessor] })
class EchoModule {}

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'jobs-worker', config }),
    JobsModule.forRoot({ prefix: config.JOBS_PREFIX, shutdownTimeoutMs: config.JOBS_SHUTDOWN_TIMEOUT_MS }),
    EchoModule,
  ],
})
class WorkerAppModule {}

void bootstrapService(WorkerAppModule, {
  serviceName: 'jobs-worker',
  title: 'jobs worker',
  description: 'test fixture',
});

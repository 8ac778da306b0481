// An app of the real platform and jobs modules against the local engines, in the test's process.
import { Module, type INestApplicationContext, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  defineConfig,
  httpConfig,
  loadConfig,
  mongoConfig,
  redisConfig,
  telemetryConfig,
} from '@buqi/config';
import { PlatformModule } from '@buqi/platform';
import { testEngines } from '@buqi/testing';
import { JobsModule } from '../jobs.module';
import type { JobsModuleOptions } from '../jobs.options';

const spec = defineConfig({
  ...httpConfig(3999),
  ...mongoConfig('buqi_jobs_test'),
  ...redisConfig,
  ...telemetryConfig,
});

export async function startJobsApp(options: {
  database: string;
  jobs: JobsModuleOptions;
  providers?: Provider[];
}): Promise<INestApplicationContext> {
  const engines = testEngines();
  const config = loadConfig(spec, {
    MONGO_URL: engines.MONGO_URL,
    MONGO_DB: options.database,
    REDIS_URL: engines.REDIS_URL,
    LOG_LEVEL: 'fatal',
  });

  @Module({ providers: options.providers ?? [] })
  class ProbeModule {}

  @Module({
    imports: [
      PlatformModule.forRoot({ serviceName: 'jobs-test', config }),
      JobsModule.forRoot(options.jobs),
      ProbeModule,
    ],
  })
  class JobsTestAppModule {}

  return NestFactory.createApplicationContext(JobsTestAppModule, { logger: false, abortOnError: false });
}

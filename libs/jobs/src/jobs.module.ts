import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER, registerHealthCheck } from '@buqi/platform';
import { JobProcessorExplorer } from './job-processor.explorer';
import { JobProcessorRegistry } from './job-processor.registry';
import { JobScheduler } from './job-scheduler';
import { JobWorkers } from './job-workers';
import { JobsLifecycle } from './jobs.lifecycle';
import { JOBS_LOGGER, JOBS_OPTIONS, resolveJobsOptions, type JobsModuleOptions } from './jobs.options';

/**
 * BullMQ queues for a service: JobScheduler to add jobs, @JobProcessor methods found at start-up and
 * run by one worker per queue, and a `jobs` readiness check. Import once, beside PlatformModule.
 */
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions = {}): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: JOBS_OPTIONS, useValue: resolveJobsOptions(options) },
        {
          provide: JOBS_LOGGER,
          inject: [PLATFORM_LOGGER],
          useFactory: (logger: Logger) => logger.child({ component: 'jobs' }),
        },
        JobProcessorRegistry,
        JobProcessorExplorer,
        JobWorkers,
        JobScheduler,
        JobsLifecycle,
        registerHealthCheck({
          name: 'jobs',
          inject: [JobWorkers],
          useFactory: (workers: JobWorkers) => async () => workers.check(),
        }),
      ],
      exports: [JobScheduler, JobProcessorRegistry],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CachedReading, type Logger } from '@buqi/observability';
import { PLATFORM_LOGGER, registerHealthCheck } from '@buqi/platform';
import { JobProcessorExplorer } from './job-processor.explorer';
import { JobProcessorRegistry } from './job-processor.registry';
import { JobScheduler } from './job-scheduler';
import { JobWorkers } from './job-workers';
import { JobsLifecycle } from './jobs.lifecycle';
import { JobsMetrics } from './jobs.metrics';
import {
  JOB_DEPTH_GAUGE,
  JOBS_LOGGER,
  JOBS_OPTIONS,
  resolveJobsOptions,
  type JobsModuleOptions,
} from './jobs.options';

/**
 * BullMQ queues for a service: JobScheduler to add jobs, @JobProcessor methods found at start-up and
 * run by one worker per queue, a `jobs` readiness check, and metrics (`buqi.jobs.queue.depth` of
 * the queues it runs, `buqi.jobs.failures`). Import once, beside PlatformModule.
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
        {
          // The depth of this service's queues as a gauge: counted in Redis at most every 15 s, and
          // a scrape waits 2 s at most for it (then it gets the last count).
          provide: JOB_DEPTH_GAUGE,
          inject: [JobWorkers, JobScheduler, JOBS_LOGGER],
          useFactory: (workers: JobWorkers, scheduler: JobScheduler, logger: Logger) => {
            const depth = new CachedReading(
              () => Promise.all(workers.queues.map((q) => scheduler.depth(q))),
              {
                maxAgeMs: 15_000,
                waitMs: 2_000,
                onError: (err) => logger.debug({ err }, 'job queue depth could not be read'),
              },
            );
            new JobsMetrics().observeDepth(() => depth.get());
            return depth;
          },
        },
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

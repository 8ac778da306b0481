import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { JobScheduler } from './job-scheduler';
import { JobWorkers } from './job-workers';

/**
 * Workers start once every module is initialised (processors were discovered in onModuleInit) and
 * stop before the platform closes Redis and Mongo, so an active job can finish its writes. The
 * scheduler closes last: a job finishing during shutdown may still schedule its follow-up.
 */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly workers: JobWorkers,
    private readonly scheduler: JobScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.workers.close();
    await this.scheduler.close();
  }
}

export * from './queues';
export {
  defineQueue,
  type AnyQueue,
  type JobData,
  type JobDataOf,
  type JobNameOf,
  type JobOf,
  type JobsOf,
  type QueueDefinition,
} from './queue-definition';
export { assertJobId } from './job-id';
export { JobProcessor, type JobContext, type JobHandler } from './job-processor.decorator';
export { JobProcessorRegistry } from './job-processor.registry';
export { JobScheduler, type ScheduleOptions } from './job-scheduler';
export { JobsModule } from './jobs.module';
export type { JobsModuleOptions } from './jobs.options';

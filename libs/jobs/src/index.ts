export * from './queues';
export * from './job-queue';
export * from './job-worker';

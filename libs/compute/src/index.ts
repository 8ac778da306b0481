export { WorkerPool, type RunOptions, type WorkerPoolOptions } from './worker-pool';
export { defineWorkerTask, type WorkerReply, type WorkerTask } from './worker-task';
export { workerFileBeside } from './worker-runtime';
export { ErrorClassRegistry, type ErrorClass, type SerialisedError } from './serialised-error';

import { WorkerPool, workerFileBeside } from '@buqi/compute';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import type { OptimiseOutcome, OptimiseTask } from './optimise.task';

export type OptimiserPool = WorkerPool<OptimiseTask, OptimiseOutcome>;

/**
 * The pool the optimiser runs on: optimise.worker.ts from source (development, tests), .js in the
 * build. The domain's error classes come back as themselves, so the HTTP layer can still map a
 * DomainValidationError to a 4xx.
 */
export function createOptimiserPool(threads: number): OptimiserPool {
  return new WorkerPool({
    filename: workerFileBeside(__filename, 'optimise.worker'),
    name: 'budget-optimiser',
    maxThreads: threads,
    errors: [DomainValidationError, NotFoundError, ConflictError],
  });
}

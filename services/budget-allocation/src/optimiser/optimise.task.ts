import type { AllocationProblem, AllocationResult, OptimiseOptions } from '@buqi/domain-allocation';

/** What the main thread sends a worker: plain data, copied by structured clone. */
export interface OptimiseTask {
  readonly problem: AllocationProblem;
  readonly options: OptimiseOptions;
}

export interface OptimiseOutcome {
  readonly result: AllocationResult;
  /** The worker thread that solved it (never 0, the main thread). */
  readonly threadId: number;
}

import { Inject, Injectable } from '@nestjs/common';
import type { RunOptions } from '@buqi/compute';
import type { AllocationProblem, OptimiseOptions } from '@buqi/domain-allocation';
import type { OptimiseOutcome } from './optimise.task';
import type { OptimiserPool } from './optimiser.pool';
import { OPTIMISER_POOL } from './optimiser.tokens';

/**
 * The budget optimiser, off the event loop: `optimise` from @buqi/domain-allocation runs synchronously
 * for seconds on 1,000 candidates, so it runs on a worker thread while this one keeps answering.
 * Rejects with the domain's own errors (DomainValidationError for a bad problem).
 */
@Injectable()
export class Optimiser {
  constructor(@Inject(OPTIMISER_POOL) private readonly pool: OptimiserPool) {}

  optimise(
    problem: AllocationProblem,
    options: OptimiseOptions,
    run: RunOptions = {},
  ): Promise<OptimiseOutcome> {
    return this.pool.run({ problem, options }, run);
  }
}

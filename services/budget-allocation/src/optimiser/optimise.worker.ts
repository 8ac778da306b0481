// Worker thread entry: loaded by the optimiser pool, never imported by the app (keep it free of Nest).
import { threadId } from 'node:worker_threads';
import { defineWorkerTask } from '@buqi/compute';
import { optimise } from '@buqi/domain-allocation';
import type { OptimiseOutcome, OptimiseTask } from './optimise.task';

export default defineWorkerTask(
  async ({ problem, options }: OptimiseTask): Promise<OptimiseOutcome> => ({
    result: await optimise(problem, options),
    threadId,
  }),
);

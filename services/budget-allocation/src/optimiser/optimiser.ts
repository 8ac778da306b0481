import { Inject, Injectable } from '@nestjs/common';
import type { RunOptions } from '@buqi/compute';
import type { AllocationProblem, AllocationResult, Method, OptimiseOptions } from '@buqi/domain-allocation';
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

  /**
   * Both methods at once on two worker threads, each up to the time limit: HiGHS proving the optimum
   * stops the heuristic (it cannot do better); the best plan found is returned with the proven gap,
   * the tightest upper bound either method gives (HiGHS's dual bound, the heuristic's Lagrangian
   * one) against the best objective. With one optimiser thread the two run one after the other.
   */
  async anytime(problem: AllocationProblem, timeLimitSeconds: number): Promise<AnytimeOutcome> {
    const started = performance.now();
    const stopHeuristic = new AbortController();
    const timed = (method: Method, signal?: AbortSignal) =>
      this.optimise(problem, { method, timeLimitSeconds }, signal ? { signal } : {}).then((o) => ({
        ...o,
        seconds: (performance.now() - started) / 1000,
      }));
    const exact = timed('exact').then((o) => {
      if (o.result.status === 'optimal') stopHeuristic.abort();
      return o;
    });
    const heuristic = timed('heuristic', stopHeuristic.signal);
    const [e, h] = await Promise.allSettled([exact, heuristic]);
    const finished = [e, h].flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (finished.length === 0) throw (e as PromiseRejectedResult).reason;
    const feasible = finished.filter((o) => o.result.objective !== null);
    const best = (feasible.length ? feasible : finished).reduce((a, b) =>
      (b.result.objective ?? -Infinity) > (a.result.objective ?? -Infinity) ? b : a,
    );
    const bounds = finished.flatMap((o) =>
      o.result.status === 'optimal' && o.result.objective !== null
        ? [o.result.objective]
        : o.result.bound !== undefined
          ? [o.result.bound]
          : [],
    );
    const bound = bounds.length ? Math.min(...bounds) : undefined;
    const objective = best.result.objective;
    return {
      result: best.result,
      method: best.result.method,
      seconds: best.seconds,
      ...(bound !== undefined &&
        objective !== null && {
          bound,
          gap:
            objective === 0
              ? bound === 0
                ? 0
                : Infinity
              : Math.max(0, bound - objective) / Math.abs(objective),
        }),
      runs: finished.map((o) => ({
        method: o.result.method,
        status: o.result.status,
        objective: o.result.objective,
        seconds: o.seconds,
        threadId: o.threadId,
      })),
    };
  }
}

/** The anytime optimiser's answer: the best plan, which method found it, and how far from optimal it can be. */
export interface AnytimeOutcome {
  readonly result: AllocationResult;
  readonly method: Method;
  /** From the start to the run that found it finishing. */
  readonly seconds: number;
  /** The tightest proven upper bound on the objective. */
  readonly bound?: number;
  /** (bound − objective) ÷ |objective|: 0 when the plan is proven optimal. */
  readonly gap?: number;
  readonly runs: readonly {
    method: Method;
    status: AllocationResult['status'];
    objective: number | null;
    seconds: number;
    threadId: number;
  }[];
}

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
   * Both methods at once on two worker threads, each up to the time limit. Whichever ends first with
   * a feasible plan is reported through `onProgress` at once (the plan is usable from then on); a
   * later one is reported only if it is better. A run that proves its plan within HiGHS's gap
   * tolerance (HiGHS's optimum, or the heuristic's plan within 1e-4 of its Lagrangian bound) stops
   * the other: nothing better can come of it. The answer is the best plan with the proven gap, the
   * tightest upper bound either method gives against the best objective. With one optimiser thread
   * the two run one after the other.
   */
  async anytime(
    problem: AllocationProblem,
    timeLimitSeconds: number,
    onProgress?: (progress: AnytimeProgress) => void,
  ): Promise<AnytimeOutcome> {
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const stop = { exact: new AbortController(), heuristic: new AbortController() };
    const bounds: number[] = [];
    let best: TimedOutcome | undefined;
    const settle = (o: TimedOutcome, other: AbortController) => {
      const { objective, bound, status } = o.result;
      if (status === 'optimal' && objective !== null) bounds.push(objective);
      else if (bound !== undefined) bounds.push(bound);
      if (objective !== null && (best?.result.objective ?? -Infinity) < objective) {
        best = o;
        onProgress?.({ method: o.result.method, objective, seconds: o.seconds, ...gapOf(objective, bounds) });
      }
      const proven = status === 'optimal' || (o.result.gap !== undefined && o.result.gap <= PROVEN_GAP);
      if (proven && objective !== null) other.abort();
      return o;
    };
    const run = (method: Method, signal: AbortSignal, other: AbortController) =>
      this.optimise(problem, { method, timeLimitSeconds }, { signal }).then((o) =>
        settle({ ...o, seconds: elapsed() }, other),
      );
    // The heuristic is queued first: with one optimiser thread its (usually quick) plan comes first.
    const heuristic = run('heuristic', stop.heuristic.signal, stop.exact);
    const exact = run('exact', stop.exact.signal, stop.heuristic);
    const settled = await Promise.allSettled([exact, heuristic]);
    const finished = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (finished.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
    // No feasible plan from either: the answer explains why (infeasible, or out of time).
    const answer = best ?? finished[0];
    const objective = answer.result.objective;
    return {
      result: answer.result,
      method: answer.result.method,
      seconds: answer.seconds,
      elapsedSeconds: elapsed(),
      ...(objective !== null && gapOf(objective, bounds)),
      runs: settled.map((s, i) => {
        const method: Method = i === 0 ? 'exact' : 'heuristic';
        if (s.status === 'rejected') return { method, status: 'stopped' as const };
        const o = s.value;
        return {
          method,
          status: o.result.status,
          objective: o.result.objective,
          seconds: o.seconds,
          threadId: o.threadId,
        };
      }),
    };
  }
}

/** HiGHS's default relative gap tolerance: a plan proven this close to the bound ends the race. */
const PROVEN_GAP = 1e-4;

type TimedOutcome = OptimiseOutcome & { readonly seconds: number };

function gapOf(objective: number, bounds: readonly number[]): { bound?: number; gap?: number } {
  if (bounds.length === 0) return {};
  const bound = Math.min(...bounds);
  const difference = Math.max(0, bound - objective);
  if (difference <= 1e-9 * Math.max(1, Math.abs(objective))) return { bound, gap: 0 };
  return objective === 0 ? { bound } : { bound, gap: difference / Math.abs(objective) };
}

/** A better plan found while the race goes on. */
export interface AnytimeProgress {
  readonly method: Method;
  readonly objective: number;
  /** Seconds from the start of the race. */
  readonly seconds: number;
  readonly bound?: number;
  readonly gap?: number;
}

/** The anytime optimiser's answer: the best plan, which method found it, and how far from optimal it can be. */
export interface AnytimeOutcome {
  readonly result: AllocationResult;
  readonly method: Method;
  /** From the start to the run that found the best plan finishing: when that plan was reported. */
  readonly seconds: number;
  /** From the start to both runs ending (or being stopped). */
  readonly elapsedSeconds: number;
  /** The tightest proven upper bound on the objective. */
  readonly bound?: number;
  /** (bound − objective) ÷ |objective|: 0 when the plan is proven optimal. */
  readonly gap?: number;
  readonly runs: readonly (
    | {
        method: Method;
        status: AllocationResult['status'];
        objective: number | null;
        seconds: number;
        threadId: number;
      }
    | { method: Method; status: 'stopped' }
  )[];
}

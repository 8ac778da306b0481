import os from 'node:os';
import { NestFactory } from '@nestjs/core';
import { numberArg } from '@buqi/testing';
import {
  generateProblem,
  type AllocationProblem,
  type AllocationResult,
  type Method,
} from '@buqi/domain-allocation';
import { Optimiser, type AnytimeOutcome, type AnytimeProgress } from '../src/optimiser/optimiser';
import { OptimiserModule } from '../src/optimiser/optimiser.module';
import { measureLoopDelay, type LoopDelay } from './loop-delay';

/**
 * The anytime optimiser (heuristic and HiGHS raced on two worker threads) against each method alone,
 * on generated instances with department and zone caps, in one process wired as the service runs it
 * (OptimiserModule with OPTIMISER_THREADS=2). Per instance: objectives and times as ratios, the time
 * the anytime optimiser took to reach the better single method's objective, and the main thread's
 * event-loop delay during each solve. Prints a Markdown table and a verdict per instance on the goals:
 * the better method's objective in at most 1.1× its time, and event-loop delay p99 under 50 ms.
 * Options: --sizes=1000,10000 --seed=1 --limit=60 (seconds, per method and for the race) --resolution=10
 */

/** The anytime optimiser reaches the better method's objective in at most this × that method's time. */
const TIME_GOAL = 1.1;
/** Event-loop delay p99 of the main thread during the anytime solve, in milliseconds: below this. */
const DELAY_GOAL_MS = 50;
/** Objectives this close (relatively) count as equal. */
const SAME_OBJECTIVE = 1e-9;
/** Time limit of each warm-up solve (seconds). */
const WARM_UP_LIMIT = 1;

const METHOD_NAMES: Record<Method, string> = { exact: 'HiGHS', heuristic: 'the heuristic' };

interface InstanceRun {
  readonly candidates: number;
  readonly exact: LoopDelay<AllocationResult>;
  readonly heuristic: LoopDelay<AllocationResult>;
  readonly anytime: LoopDelay<AnytimeOutcome>;
  /** Every better plan the race reported, in order, timed from its start. */
  readonly progress: readonly AnytimeProgress[];
}

interface SingleRun {
  readonly method: Method;
  readonly objective: number;
  readonly seconds: number;
}

interface Verdict {
  /** The better of the two single methods (higher objective; the faster one on a tie); none without a plan. */
  readonly better?: SingleRun;
  /** When the race first reported a plan at least as good as the better method's; none if it never did. */
  readonly reachedAtSeconds?: number;
  /** reachedAtSeconds ÷ the better method's time. */
  readonly timeRatio?: number;
  readonly timeGoalMet: boolean;
  readonly delayGoalMet: boolean;
}

async function main(): Promise<void> {
  const sizes = sizesArg('sizes', [1_000, 10_000]);
  const seed = numberArg('seed', 1);
  const limit = numberArg('limit', 60);
  const resolutionMs = numberArg('resolution', 10);
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${loadAverage()}; ` +
      `sizes ${sizes.map(count).join(', ')} (seed ${seed}), time limit ${limit} s per method and for the race, ` +
      `monitorEventLoopDelay resolution ${resolutionMs} ms (an idle loop reads about ${resolutionMs} ms)`,
  );
  console.log(
    'Runs are sequential: HiGHS alone and the heuristic alone each use one worker thread; ' +
      'the anytime optimiser runs both at once on two (OPTIMISER_THREADS=2).',
  );

  const app = await NestFactory.createApplicationContext(OptimiserModule.register({ OPTIMISER_THREADS: 2 }), {
    logger: false,
  });
  const optimiser = app.get(Optimiser);
  try {
    const warmUpProblem = generateProblem(200, 999);
    const runs: InstanceRun[] = [];
    for (const candidates of sizes) {
      const problem = generateProblem(candidates, seed);
      // Before each run: both threads started with HiGHS loaded. An idle thread stops after a minute,
      // and a run the race stops has its thread terminated, so one warm-up at the start would not last.
      await warmUp(optimiser, warmUpProblem);
      const exact = await measureLoopDelay(resolutionMs, async () => {
        return (await optimiser.optimise(problem, { method: 'exact', timeLimitSeconds: limit })).result;
      });
      console.log(`${count(candidates)} candidates, HiGHS alone: ${describeSingle(exact)}`);
      await warmUp(optimiser, warmUpProblem);
      const heuristic = await measureLoopDelay(resolutionMs, async () => {
        return (await optimiser.optimise(problem, { method: 'heuristic', timeLimitSeconds: limit })).result;
      });
      console.log(`${count(candidates)} candidates, heuristic alone: ${describeSingle(heuristic)}`);
      await warmUp(optimiser, warmUpProblem);
      const progress: AnytimeProgress[] = [];
      const anytime = await measureLoopDelay(resolutionMs, () =>
        optimiser.anytime(problem, limit, (p) => progress.push(p)),
      );
      console.log(`${count(candidates)} candidates, anytime: ${describeAnytime(anytime, progress)}`);
      runs.push({ candidates, exact, heuristic, anytime, progress });
    }

    console.log(`\n${markdownTable(runs)}\n`);
    for (const run of runs) console.log(goalLine(run));
    console.log(`\nload at the end ${loadAverage()}`);
  } finally {
    await app.close();
  }
}

/**
 * Runs each method on both threads of the pool at once, so that both threads are started and have
 * loaded HiGHS before a measured run. Tries again if a pair ran on one thread after the other.
 */
async function warmUp(optimiser: Optimiser, problem: AllocationProblem): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const pairs: number[][] = [];
    for (const method of ['exact', 'heuristic'] as const) {
      const pair = await Promise.all(
        [0, 1].map(() => optimiser.optimise(problem, { method, timeLimitSeconds: WARM_UP_LIMIT })),
      );
      pairs.push(pair.map((o) => o.threadId));
    }
    // Two threads, each of which ran both methods.
    const twoThreads = (ids: readonly number[]) => new Set(ids).size === 2;
    if (pairs.every(twoThreads) && twoThreads(pairs.flat())) return;
  }
  console.warn('warning: the warm-up did not run on two threads; the next run may include a thread start');
}

/** The goals for one instance, from the measured figures only. */
function judge(run: InstanceRun): Verdict {
  const delayGoalMet = run.anytime.p99 < DELAY_GOAL_MS;
  const better = betterOf(single('exact', run.exact), single('heuristic', run.heuristic));
  if (better === undefined) return { timeGoalMet: false, delayGoalMet };
  const reachedAtSeconds = run.progress.find((p) => reaches(p.objective, better.objective))?.seconds;
  if (reachedAtSeconds === undefined) return { better, timeGoalMet: false, delayGoalMet };
  const timeRatio = reachedAtSeconds / better.seconds;
  return { better, reachedAtSeconds, timeRatio, timeGoalMet: timeRatio <= TIME_GOAL, delayGoalMet };
}

function single(method: Method, run: LoopDelay<AllocationResult>): SingleRun | undefined {
  const objective = run.value.objective;
  return objective === null ? undefined : { method, objective, seconds: run.seconds };
}

function betterOf(a: SingleRun | undefined, b: SingleRun | undefined): SingleRun | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (reaches(a.objective, b.objective) && reaches(b.objective, a.objective))
    return a.seconds <= b.seconds ? a : b;
  return a.objective > b.objective ? a : b;
}

/** objective ≥ target × (1 − 1e-9), for a target of either sign. */
function reaches(objective: number, target: number): boolean {
  return objective >= target - SAME_OBJECTIVE * Math.abs(target);
}

function markdownTable(runs: readonly InstanceRun[]): string {
  const head = [
    'candidates',
    'HiGHS alone (1 thread)',
    'heuristic alone (1 thread)',
    'anytime (2 threads)',
    'anytime objective ÷ HiGHS',
    'anytime objective ÷ heuristic',
    'anytime reached the better objective at',
    '÷ better method’s time (goal ≤ 1.1)',
    'anytime elapsed ÷ HiGHS time',
    'anytime elapsed ÷ heuristic time',
    'loop delay p99: HiGHS / heuristic / anytime (goal < 50 ms for anytime)',
    'loop delay max: HiGHS / heuristic / anytime',
  ];
  const rows = runs.map((run) => {
    const verdict = judge(run);
    const outcome = run.anytime.value;
    const objective = outcome.result.objective;
    return [
      count(run.candidates),
      `${objectiveOf(run.exact.value)} in ${seconds(run.exact.seconds)} (${run.exact.value.status})`,
      `${objectiveOf(run.heuristic.value)} in ${seconds(run.heuristic.seconds)} (${run.heuristic.value.status})`,
      `${objectiveOf(outcome.result)} by ${METHOD_NAMES[outcome.method]}, reported at ${seconds(outcome.seconds)}, ` +
        `both runs ended at ${seconds(outcome.elapsedSeconds)}${gapOf(outcome.gap)}`,
      ratio(objective, run.exact.value.objective, 6),
      ratio(objective, run.heuristic.value.objective, 6),
      verdict.better === undefined
        ? 'no single method found a plan'
        : `${METHOD_NAMES[verdict.better.method]}’s ${number(verdict.better.objective)}: ` +
          (verdict.reachedAtSeconds === undefined ? 'not reached' : seconds(verdict.reachedAtSeconds)),
      verdict.timeRatio === undefined ? '—' : `**${verdict.timeRatio.toFixed(2)}×**`,
      ratio(outcome.elapsedSeconds, run.exact.seconds, 2, '×'),
      ratio(outcome.elapsedSeconds, run.heuristic.seconds, 2, '×'),
      `${ms(run.exact.p99)} / ${ms(run.heuristic.p99)} / **${ms(run.anytime.p99)}**`,
      `${ms(run.exact.max)} / ${ms(run.heuristic.max)} / ${ms(run.anytime.max)}`,
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function goalLine(run: InstanceRun): string {
  const verdict = judge(run);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const { better } = verdict;
  const time =
    better === undefined
      ? 'neither method alone found a plan, so there is no objective to reach'
      : verdict.reachedAtSeconds === undefined || verdict.timeRatio === undefined
        ? `the anytime optimiser never reached ${METHOD_NAMES[better.method]}’s ${number(better.objective)} ` +
          `(its best: ${objectiveOf(run.anytime.value.result)})`
        : `the anytime optimiser reached ${METHOD_NAMES[better.method]}’s ${number(better.objective)} at ` +
          `${seconds(verdict.reachedAtSeconds)} = ${verdict.timeRatio.toFixed(2)}× the ` +
          `${seconds(better.seconds)} ${METHOD_NAMES[better.method]} took alone`;
  return (
    `${count(run.candidates)} candidates: objective-in-time goal (≤ ${TIME_GOAL}×) ${met(verdict.timeGoalMet)}: ${time}; ` +
    `event-loop delay goal (p99 < ${DELAY_GOAL_MS} ms) ${met(verdict.delayGoalMet)}: p99 ${ms(run.anytime.p99)} ` +
    `during the anytime solve (${ms(run.exact.p99)} during HiGHS alone, ${ms(run.heuristic.p99)} during the heuristic alone).`
  );
}

function describeSingle(run: LoopDelay<AllocationResult>): string {
  return (
    `${objectiveOf(run.value)} (${run.value.status}${gapOf(run.value.gap)}) in ${seconds(run.seconds)}, ` +
    `loop delay p99 ${ms(run.p99)}, max ${ms(run.max)}`
  );
}

function describeAnytime(run: LoopDelay<AnytimeOutcome>, progress: readonly AnytimeProgress[]): string {
  const reports = progress.map(
    (p) => `${METHOD_NAMES[p.method]} ${number(p.objective)} at ${seconds(p.seconds)}`,
  );
  const ends = run.value.runs.map((r) =>
    r.status === 'stopped'
      ? `${METHOD_NAMES[r.method]} stopped`
      : `${METHOD_NAMES[r.method]} ${r.status} at ${seconds(r.seconds)}`,
  );
  return (
    `${objectiveOf(run.value.result)}${gapOf(run.value.gap)}; reported ${reports.join(', ') || 'nothing'}; ` +
    `runs: ${ends.join(', ')}; loop delay p99 ${ms(run.p99)}, max ${ms(run.max)}`
  );
}

/** `--name=1000,10000`: whole numbers ≥ 1, or the fallback when absent. */
function sizesArg(name: string, fallback: readonly number[]): readonly number[] {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const values = arg
    .slice(name.length + 3)
    .split(',')
    .map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`--${name} must be whole numbers ≥ 1 separated by commas (got ${arg})`);
  return values;
}

const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ') + ' (1 / 5 / 15 min)';
const count = (n: number): string => n.toLocaleString('en-US');
const number = (v: number): string =>
  v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const objectiveOf = (result: AllocationResult): string =>
  result.objective === null ? `no plan (${result.status})` : number(result.objective);
const seconds = (s: number): string => `${s.toFixed(2)} s`;
const ms = (v: number): string => `${v.toFixed(1)} ms`;
const gapOf = (gap: number | undefined): string =>
  gap === undefined ? '' : `, gap ${(gap * 100).toFixed(gap === 0 ? 0 : 3)} %`;
const ratio = (a: number | null, b: number | null, digits: number, unit = ''): string =>
  a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(digits)}${unit}`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

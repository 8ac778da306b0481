import os from 'node:os';
import {
  generateProblem,
  optimise,
  type AllocationProblem,
  type AllocationResult,
  type OptimiseOptions,
} from '../src/index';
import { markdownTable, type Row } from './report';

/**
 * Generates instances of 1,000 and 10,000 candidates and solves each, in the same run, with HiGHS
 * (the 'exact' method, with a time limit) and with the heuristic, printing a Markdown table.
 * Options: --sizes=1000,10000 --seeds=1,2,3 --time-limit=120 (seconds for HiGHS).
 */
async function main(): Promise<void> {
  const sizes = listArg('sizes', [1_000, 10_000]);
  const seeds = listArg('seeds', [1, 2, 3]);
  const timeLimitSeconds = listArg('time-limit', [120])[0];
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), HiGHS time limit ${timeLimitSeconds} s`,
  );

  // Warm both methods up on a small instance so neither pays for loading or compiling code in the timings.
  const warmUp = generateProblem(200, 999);
  await optimise(warmUp, { method: 'exact', timeLimitSeconds: 5 });
  await optimise(warmUp, { method: 'heuristic' });

  const rows: Row[] = [];
  for (const candidates of sizes) {
    for (const seed of seeds) {
      const problem = generateProblem(candidates, seed);
      const [exact, exactSeconds] = await timed(problem, { method: 'exact', timeLimitSeconds });
      const [heuristic, heuristicSeconds] = await timed(problem, { method: 'heuristic' });
      rows.push({ candidates, seed, problem, exact, exactSeconds, heuristic, heuristicSeconds });
      console.log(
        `${candidates} candidates, seed ${seed}: HiGHS ${exact.status} in ${exactSeconds.toFixed(2)} s, heuristic ${heuristicSeconds.toFixed(2)} s`,
      );
    }
  }
  console.log(`\n${markdownTable(rows)}`);
}

async function timed(
  problem: AllocationProblem,
  options: OptimiseOptions,
): Promise<[AllocationResult, number]> {
  const start = performance.now();
  const result = await optimise(problem, options);
  return [result, (performance.now() - start) / 1000];
}

function listArg(name: string, fallback: number[]): number[] {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const values = arg
    .slice(name.length + 3)
    .split(',')
    .map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0))
    throw new Error(`--${name} must list positive numbers (got ${arg})`);
  return values;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

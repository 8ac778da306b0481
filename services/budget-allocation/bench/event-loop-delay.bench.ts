import os from 'node:os';
import { NestFactory } from '@nestjs/core';
import { numberArg } from '@buqi/testing';
import { generateProblem, optimise, type OptimiseOptions } from '@buqi/domain-allocation';
import { Optimiser } from '../src/optimiser/optimiser';
import { OptimiserModule } from '../src/optimiser/optimiser.module';
import { measureLoopDelay } from './loop-delay';
import { markdownTable, type Comparison } from './report';

/**
 * The event loop's delay during a 1,000-candidate solve run on the main thread (`optimise` called
 * directly) and then on the optimiser's worker pool (the Optimiser provider, as the service runs it),
 * in the same process, for the heuristic and for HiGHS. Prints a Markdown table.
 * Options: --candidates=1000 --seed=1 --heuristic-limit=10 --exact-limit=20 --resolution=10
 */
async function main(): Promise<void> {
  const candidates = numberArg('candidates', 1_000);
  const seed = numberArg('seed', 1);
  const resolutionMs = numberArg('resolution', 10);
  const methods: readonly OptimiseOptions[] = [
    { method: 'heuristic', timeLimitSeconds: numberArg('heuristic-limit', 10) },
    { method: 'exact', timeLimitSeconds: numberArg('exact-limit', 20) },
  ];
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0].toFixed(2)}; ` +
      `${candidates} candidates (seed ${seed}), monitorEventLoopDelay resolution ${resolutionMs} ms`,
  );

  const app = await NestFactory.createApplicationContext(OptimiserModule.register({ OPTIMISER_THREADS: 1 }), {
    logger: false,
  });
  const optimiser = app.get(Optimiser);
  try {
    // Warm both paths up (code compiled, HiGHS loaded, the worker thread started) so neither pays for it below.
    const warmUp = generateProblem(200, 999);
    for (const options of methods) {
      await optimise(warmUp, { ...options, timeLimitSeconds: 5 });
      await optimiser.optimise(warmUp, { ...options, timeLimitSeconds: 5 });
    }

    const problem = generateProblem(candidates, seed);
    const comparisons: Comparison[] = [];
    for (const options of methods) {
      const mainThread = await measureLoopDelay(resolutionMs, () => optimise(problem, options));
      const pool = await measureLoopDelay(
        resolutionMs,
        async () => (await optimiser.optimise(problem, options)).result,
      );
      comparisons.push({
        method: `${options.method} (limit ${options.timeLimitSeconds} s)`,
        mainThread,
        pool,
      });
      console.log(
        `${options.method}: main thread ${mainThread.seconds.toFixed(2)} s (max delay ${mainThread.max.toFixed(0)} ms), ` +
          `pool ${pool.seconds.toFixed(2)} s (max delay ${pool.max.toFixed(0)} ms)`,
      );
    }
    console.log(`\n${markdownTable(comparisons)}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import type { AllocationResult } from '@buqi/domain-allocation';
import type { LoopDelay } from './loop-delay';

export interface Comparison {
  readonly method: string;
  readonly mainThread: LoopDelay<AllocationResult>;
  readonly pool: LoopDelay<AllocationResult>;
}

const ms = (v: number): string => `${v.toFixed(1)} ms`;
const times = (before: number, after: number): string =>
  `${(before / after).toFixed(before / after >= 10 ? 0 : 2)}×`;

/** One Markdown row per run, then one with the ratios (main thread ÷ pool) per method. */
export function markdownTable(comparisons: readonly Comparison[]): string {
  const head = [
    'method',
    'runs on',
    'solve time',
    'status',
    'objective',
    'loop samples',
    'p50',
    'p99',
    'max',
  ];
  const rows: string[][] = [];
  for (const { method, mainThread, pool } of comparisons) {
    for (const [where, run] of [
      ['main thread', mainThread],
      ['worker pool', pool],
    ] as const) {
      rows.push([
        method,
        where,
        `${run.seconds.toFixed(2)} s`,
        run.value.status,
        run.value.objective?.toFixed(2) ?? '—',
        String(run.samples),
        ms(run.p50),
        ms(run.p99),
        ms(run.max),
      ]);
    }
    rows.push([
      method,
      '**ratio** main ÷ pool',
      times(mainThread.seconds, pool.seconds),
      '',
      '',
      '',
      `**${times(mainThread.p50, pool.p50)}**`,
      `**${times(mainThread.p99, pool.p99)}**`,
      `**${times(mainThread.max, pool.max)}**`,
    ]);
  }
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

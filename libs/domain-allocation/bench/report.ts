import type { AllocationProblem, AllocationResult } from '../src/index';

export interface Row {
  readonly candidates: number;
  readonly seed: number;
  readonly problem: AllocationProblem;
  readonly exact: AllocationResult;
  readonly exactSeconds: number;
  readonly heuristic: AllocationResult;
  readonly heuristicSeconds: number;
}

const HEADER = [
  'candidates (seed)',
  'options',
  'mandatory / with deps',
  'binding rows',
  'HiGHS status',
  'HiGHS objective',
  'HiGHS gap',
  'HiGHS time',
  'heuristic objective',
  'heuristic gap (own bound)',
  'heuristic time',
  'objective ratio',
  'time ratio',
  'goal',
];

/** The benchmark table in Markdown, one row per instance. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${cells(row).join(' | ')} |`);
  return lines.join('\n');
}

function cells(row: Row): string[] {
  const { problem, exact, heuristic } = row;
  const objectiveRatio = (heuristic.objective ?? 0) / (exact.objective ?? NaN);
  const timeRatio = row.heuristicSeconds / row.exactSeconds;
  return [
    `${row.candidates} (${row.seed})`,
    String(problem.candidates.reduce((n, c) => n + c.options.length, 0)),
    `${problem.candidates.filter((c) => c.mandatory).length} / ${problem.candidates.filter((c) => c.dependsOn?.length).length}`,
    `${bindingRows(exact)} of ${exact.constraints.length}`,
    exact.status,
    objective(exact),
    percent(exact.gap),
    seconds(row.exactSeconds),
    objective(heuristic),
    percent(heuristic.gap),
    seconds(row.heuristicSeconds),
    `${(objectiveRatio * 100).toFixed(3)} %`,
    `${(timeRatio * 100).toFixed(2)} %`,
    goal(row.candidates, objectiveRatio, timeRatio),
  ];
}

/** Rows left with less than 0.5 % of their limit unspent in HiGHS's selection. */
function bindingRows(result: AllocationResult): number {
  return result.constraints.filter((c) => c.slackFen < 0.005 * c.limitFen).length;
}

/** The goals: equal objective at 1,000; ≥ 99.5 % of the objective in ≤ 1/10 of the time at 10,000. */
function goal(candidates: number, objectiveRatio: number, timeRatio: number): string {
  if (candidates === 1_000) return objectiveRatio >= 1 - 1e-12 ? 'met (equal)' : 'NOT met (not equal)';
  if (candidates === 10_000) {
    const misses = [
      ...(objectiveRatio >= 0.995 ? [] : ['objective < 99.5 %']),
      ...(timeRatio <= 0.1 ? [] : ['time > 1/10']),
    ];
    return misses.length === 0 ? 'met' : `NOT met (${misses.join(', ')})`;
  }
  return '–';
}

const objective = (r: AllocationResult) => (r.objective === null ? 'none' : r.objective.toFixed(2));
const percent = (gap: number | undefined) => (gap === undefined ? 'unknown' : `${(gap * 100).toFixed(3)} %`);
const seconds = (s: number) => `${s.toFixed(2)} s`;

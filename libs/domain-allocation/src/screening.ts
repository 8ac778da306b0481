import type { Fen } from '@buqi/domain-money';
import type { Constraint, ValidCandidate, ValidProblem } from './problem';

/** An option or candidate left out before optimising, and why. */
export interface Exclusion {
  readonly candidateId: string;
  /** Absent when the whole candidate is left out. */
  readonly optionId?: string;
  readonly reason: string;
}

/** Why no selection can satisfy the problem. */
export interface Infeasibility {
  readonly reason: string;
  /** The budget or cap that cannot hold the mandatory items, when a single one is to blame. */
  readonly constraint?: Constraint;
  /** The least the mandatory items and their dependencies need from that constraint. */
  readonly minimumFen?: Fen;
  readonly candidateIds: readonly string[];
}

export interface Screening {
  /** usable[i][j]: option j of candidate i fits every budget and cap it touches on its own. */
  readonly usable: readonly (readonly boolean[])[];
  /** A candidate is fundable when one of its options is usable and all its dependencies are fundable. */
  readonly fundable: readonly boolean[];
  /** Mandatory candidates and everything they depend on, directly or not. */
  readonly forced: readonly boolean[];
  readonly excluded: readonly Exclusion[];
  readonly infeasibility?: Infeasibility;
}

/**
 * Removes what can never be funded (an option dearer than a budget or cap it touches; a candidate that
 * depends on one that can never be funded) and checks that the mandatory items can fit: for each
 * constraint, the cheapest way of funding them must not already exceed it. Passing this check does
 * not prove feasibility (the items may not fit all constraints at once); the optimiser decides that.
 */
export function screen(problem: ValidProblem): Screening {
  const { candidates, constraints } = problem;
  const excluded: Exclusion[] = [];
  const usable = candidates.map((c) =>
    c.options.map((o) => {
      const over = rowsOf(c, o.envelopeRow).find((r) => o.costFen > constraints[r].limitFen);
      if (over !== undefined)
        excluded.push({ candidateId: c.id, optionId: o.id, reason: exceeds(o.costFen, constraints[over]) });
      return over === undefined;
    }),
  );
  const fundable = candidates.map(() => false);
  for (const i of problem.topologicalOrder) {
    const c = candidates[i];
    const blocker = c.dependsOn.find((d) => !fundable[d]);
    fundable[i] = blocker === undefined && usable[i].some(Boolean);
    if (blocker !== undefined) {
      excluded.push({
        candidateId: c.id,
        reason: `depends on "${candidates[blocker].id}", which can never be funded`,
      });
    } else if (!fundable[i]) {
      excluded.push({ candidateId: c.id, reason: 'no option fits the budgets and caps it touches' });
    }
  }
  const forced = forcedSet(candidates);
  const infeasibility =
    unfundableMandatory(problem, usable, fundable, forced) ?? overloadedConstraint(problem, usable, forced);
  return { usable, fundable, forced, excluded, ...(infeasibility && { infeasibility }) };
}

export function rowsOf(c: ValidCandidate, envelopeRow: number): number[] {
  return [envelopeRow, c.departmentRow, c.zoneRow].filter((r) => r >= 0);
}

function exceeds(cost: Fen, row: Constraint): string {
  return `costs ${cost} fen, more than ${row.kind} "${row.id}" allows (${row.limitFen} fen)`;
}

function forcedSet(candidates: readonly ValidCandidate[]): boolean[] {
  const forced = candidates.map(() => false);
  const stack = candidates.flatMap((c, i) => (c.mandatory ? [i] : []));
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (forced[i]) continue;
    forced[i] = true;
    stack.push(...candidates[i].dependsOn);
  }
  return forced;
}

function unfundableMandatory(
  { candidates, constraints }: ValidProblem,
  usable: readonly (readonly boolean[])[],
  fundable: readonly boolean[],
  forced: readonly boolean[],
): Infeasibility | undefined {
  // A forced candidate with no usable option is the root cause; report it rather than its dependents.
  const i = candidates.findIndex((_, k) => forced[k] && !usable[k].some(Boolean));
  if (i < 0) return undefined;
  const c = candidates[i];
  const cheapest = c.options.reduce((a, b) => (b.costFen < a.costFen ? b : a));
  const row = rowsOf(c, cheapest.envelopeRow).find(
    (r) => cheapest.costFen > constraints[r].limitFen,
  ) as number;
  const why = c.mandatory ? 'is mandatory' : `is required by mandatory ${requiredBy(candidates, forced, i)}`;
  return {
    reason: `"${c.id}" ${why} but its cheapest option ${exceeds(cheapest.costFen, constraints[row])}`,
    constraint: constraints[row],
    minimumFen: cheapest.costFen,
    candidateIds: candidates.filter((_, k) => forced[k] && !fundable[k]).map((d) => d.id),
  };
}

function requiredBy(candidates: readonly ValidCandidate[], forced: readonly boolean[], i: number): string {
  const seen = new Set<number>([i]);
  const queue = [i];
  while (queue.length > 0) {
    for (const d of candidates[queue.shift() as number].dependents) {
      if (seen.has(d) || !forced[d]) continue;
      if (candidates[d].mandatory) return `"${candidates[d].id}"`;
      seen.add(d);
      queue.push(d);
    }
  }
  return 'items';
}

function overloadedConstraint(
  { candidates, constraints }: ValidProblem,
  usable: readonly (readonly boolean[])[],
  forced: readonly boolean[],
): Infeasibility | undefined {
  const minimum = constraints.map(() => 0);
  const contributors: string[][] = constraints.map(() => []);
  candidates.forEach((c, i) => {
    if (!forced[i]) return;
    const options = c.options.filter((_, j) => usable[i][j]);
    for (const r of new Set(options.flatMap((o) => rowsOf(c, o.envelopeRow)))) {
      // The least this candidate must take from row r: 0 if one of its options is paid from elsewhere.
      const least = Math.min(...options.map((o) => (rowsOf(c, o.envelopeRow).includes(r) ? o.costFen : 0)));
      if (least > 0) contributors[r].push(c.id);
      minimum[r] += least;
    }
  });
  const r = constraints.findIndex((row, k) => minimum[k] > row.limitFen);
  if (r < 0) return undefined;
  const row = constraints[r];
  return {
    reason: `the mandatory items and what they depend on need at least ${minimum[r]} fen from ${row.kind} "${row.id}", which allows ${row.limitFen} fen`,
    constraint: row,
    minimumFen: minimum[r] as Fen,
    candidateIds: contributors[r],
  };
}

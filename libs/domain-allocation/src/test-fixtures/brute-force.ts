import type { AllocationProblem } from '../problem';

export interface Pick {
  readonly candidateId: string;
  readonly optionId: string;
}

/**
 * Checks a selection against the problem as given, independently of the library's own indexing:
 * returns what is wrong with it (empty when it is feasible).
 */
export function violations(problem: AllocationProblem, chosen: readonly Pick[]): string[] {
  const wrong: string[] = [];
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const funded = new Set<string>();
  const spend = new Map<string, number>();
  const charge = (key: string, amount: number) => spend.set(key, (spend.get(key) ?? 0) + amount);
  for (const pick of chosen) {
    const c = byId.get(pick.candidateId);
    const option = c?.options.find((o) => o.id === pick.optionId);
    if (!c || !option) {
      wrong.push(`unknown pick ${pick.candidateId}:${pick.optionId}`);
      continue;
    }
    if (funded.has(c.id)) wrong.push(`${c.id} chosen twice`);
    funded.add(c.id);
    charge(`envelope:${option.envelope ?? c.envelope}`, option.costFen);
    charge(`department:${c.department}`, option.costFen);
    charge(`zone:${c.zone}`, option.costFen);
  }
  const limits = [
    ...problem.envelopes.map((e) => [`envelope:${e.id}`, e.budgetFen] as const),
    ...(problem.departmentCaps ?? []).map((d) => [`department:${d.id}`, d.capFen] as const),
    ...(problem.zoneCaps ?? []).map((z) => [`zone:${z.id}`, z.capFen] as const),
  ];
  for (const [key, limit] of limits) if ((spend.get(key) ?? 0) > limit) wrong.push(`${key} over ${limit}`);
  for (const c of problem.candidates) {
    if (c.mandatory && !funded.has(c.id)) wrong.push(`mandatory ${c.id} not funded`);
    if (funded.has(c.id))
      for (const d of c.dependsOn ?? []) if (!funded.has(d)) wrong.push(`${c.id} funded without ${d}`);
  }
  return wrong;
}

/** Total benefit, summed in candidate order as the library does. */
export function benefitOf(problem: AllocationProblem, chosen: readonly Pick[]): number {
  const picked = new Map(chosen.map((p) => [p.candidateId, p.optionId]));
  let total = 0;
  for (const c of problem.candidates) {
    const optionId = picked.get(c.id);
    if (optionId !== undefined) total += c.options.find((o) => o.id === optionId)?.benefit ?? 0;
  }
  return total;
}

/** The best objective by trying every selection (small problems only); null if none is feasible. */
export function bruteForceBest(problem: AllocationProblem): number | null {
  const { candidates } = problem;
  let best: number | null = null;
  const chosen: Pick[] = [];
  const visit = (i: number) => {
    if (i === candidates.length) {
      if (violations(problem, chosen).length === 0) {
        const value = benefitOf(problem, chosen);
        if (best === null || value > best) best = value;
      }
      return;
    }
    visit(i + 1);
    for (const o of candidates[i].options) {
      chosen.push({ candidateId: candidates[i].id, optionId: o.id });
      visit(i + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}

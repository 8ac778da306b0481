import type { AllocationProblem, CandidateInput, CapInput, OptionInput } from './problem';
import { random, type Random } from './random';

const DEPARTMENTS = [
  'general-affairs',
  'security',
  'logistics',
  'facilities',
  'information',
  'catering',
  'health',
  'transport',
] as const;

const ZONES = [
  'south-court',
  'north-court',
  'cppcc-office',
  'npc-building',
  'government-building',
  'platform-1',
  'outlying-east',
  'outlying-west',
  'group-housing',
  'family-quarters',
  'sports-bureau',
  'cotton-mill-road',
] as const;

/** Relative size of each zone (how many candidates it holds): 1, 1.5, 2, 1, 1.5, 2, … */
const ZONE_WEIGHTS = ZONES.map((_, z) => 1 + (z % 3) * 0.5);

/**
 * A realistic allocation problem, deterministic for a seed. Distributions:
 * - envelope of a candidate: maintenance 60 %, capital 30 %, emergency-reserve 10 %; options 3 and 4
 *   of a maintenance candidate (renewals) are paid from capital;
 * - department uniform over 8; zone over 12 with weights 1, 1.5, 2 repeating;
 * - 2–4 options (uniform); cheapest cost log-normal, median ¥8,000, σ 0.9, whole yuan; each further
 *   option costs ×U(1.4, 2.2) more and is worth ×U(1.15, 1.6) more (diminishing returns);
 * - benefit of the cheapest option: (cost ÷ ¥1,000)^0.7 × log-normal(1, 0.5), two decimals;
 * - lifetime of option j (0-based): 2 + 4j + U{0..3} years;
 * - 4 % of candidates mandatory (drawn among those cheaper than the median);
 * - 10 % of candidates depend on an earlier candidate of the same zone, 2 % on a second one;
 * - budgets: maintenance 35 %, capital 40 %, emergency reserve 50 % of the demand on them, demand being
 *   the cost of each candidate's second option; each department and zone cap is its share of that
 *   demand × the total budget × U(0.7, 1.3), so roughly half of the caps bind.
 */
export function generateProblem(candidateCount: number, seed: number): AllocationProblem {
  const rng = random(seed);
  const zonePicker = weightedPicker(ZONE_WEIGHTS);
  const candidates: CandidateInput[] = [];
  const byZone = new Map<string, number[]>();
  for (let i = 0; i < candidateCount; i++) {
    const envelope = envelopeOf(rng.next());
    const zone = ZONES[zonePicker(rng.next())];
    const options = optionsOf(rng, envelope);
    const earlier = byZone.get(zone) ?? [];
    const dependsOn = new Set<string>();
    if (earlier.length > 0 && rng.next() < 0.1) dependsOn.add(`c${rng.pick(earlier)}`);
    if (earlier.length > 0 && rng.next() < 0.02) dependsOn.add(`c${rng.pick(earlier)}`);
    candidates.push({
      id: `c${i}`,
      department: rng.pick(DEPARTMENTS),
      zone,
      envelope,
      ...(dependsOn.size > 0 && { dependsOn: [...dependsOn] }),
      options,
    });
    byZone.set(zone, [...earlier, i]);
  }
  const medianCost = median(candidates.map((c) => c.options[0].costFen));
  const mandatory = candidates.map((c) => c.options[0].costFen < medianCost && rng.next() < 0.08);
  const withMandatory = candidates.map((c, i) => (mandatory[i] ? { ...c, mandatory: true } : c));
  return { candidates: withMandatory, ...limitsOf(withMandatory, rng) };
}

function envelopeOf(u: number): string {
  return u < 0.6 ? 'maintenance' : u < 0.9 ? 'capital' : 'emergency-reserve';
}

function optionsOf(rng: Random, envelope: string): OptionInput[] {
  const count = rng.integer(2, 4);
  let cost = Math.max(100, Math.round(rng.logNormal(8_000, 0.9))) * 100;
  let benefit = Math.pow(cost / 100_000, 0.7) * rng.logNormal(1, 0.5);
  const options: OptionInput[] = [];
  for (let j = 0; j < count; j++) {
    if (j > 0) {
      cost = Math.round((cost * rng.uniform(1.4, 2.2)) / 100) * 100;
      benefit *= rng.uniform(1.15, 1.6);
    }
    options.push({
      id: `o${j}`,
      costFen: cost,
      benefit: Math.round(benefit * 100) / 100,
      lifetimeYears: 2 + 4 * j + rng.integer(0, 3),
      ...(envelope === 'maintenance' && j >= 2 && { envelope: 'capital' }),
    });
  }
  return options;
}

const BUDGET_SHARE: Record<string, number> = { maintenance: 0.35, capital: 0.4, 'emergency-reserve': 0.5 };

function limitsOf(candidates: readonly CandidateInput[], rng: Random): Omit<AllocationProblem, 'candidates'> {
  const demand = (key: (c: CandidateInput, o: OptionInput) => string) => {
    const totals = new Map<string, number>();
    for (const c of candidates) {
      const o = c.options[1];
      totals.set(key(c, o), (totals.get(key(c, o)) ?? 0) + o.costFen);
    }
    return totals;
  };
  const byEnvelope = demand((c, o) => o.envelope ?? (c.envelope as string));
  const envelopes = Object.entries(BUDGET_SHARE).map(([id, share]) => ({
    id,
    budgetFen: Math.round((byEnvelope.get(id) ?? 0) * share),
  }));
  const totalBudget = envelopes.reduce((a, e) => a + e.budgetFen, 0);
  const totalDemand = [...byEnvelope.values()].reduce((a, b) => a + b, 0);
  const caps = (totals: Map<string, number>, ids: readonly string[]): CapInput[] =>
    ids.map((id) => ({
      id,
      capFen: Math.round(((totals.get(id) ?? 0) / totalDemand) * totalBudget * rng.uniform(0.7, 1.3)),
    }));
  return {
    envelopes,
    departmentCaps: caps(
      demand((c) => c.department),
      DEPARTMENTS,
    ),
    zoneCaps: caps(
      demand((c) => c.zone),
      ZONES,
    ),
  };
}

function weightedPicker(weights: readonly number[]): (u: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  return (u) => {
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i] / total;
      if (u < acc) return i;
    }
    return weights.length - 1;
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

import fc from 'fast-check';
import type { AllocationProblem, CandidateInput } from '../problem';

const ENVELOPES = ['maintenance', 'capital'];
const DEPARTMENTS = ['facilities', 'security'];
const ZONES = ['south-court', 'north-court', 'family-quarters'];

const option = fc.record({
  costFen: fc.noBias(fc.integer({ min: 0, max: 60 })),
  benefit: fc.oneof(
    fc.noBias(fc.integer({ min: 0, max: 20 })),
    fc.noBias(fc.double({ min: 0, max: 20, noNaN: true })),
  ),
  lifetimeYears: fc.integer({ min: 1, max: 25 }),
  envelope: fc.constantFrom(...ENVELOPES),
});

const candidate = (mandatoryOneIn: number) =>
  fc.record({
    department: fc.constantFrom(...DEPARTMENTS),
    zone: fc.constantFrom(...ZONES),
    mandatory: fc.integer({ min: 1, max: mandatoryOneIn }).map((n) => n === 1),
    options: fc.array(option, { minLength: 1, maxLength: 3 }),
    dependsOn: fc.array(fc.nat(), { maxLength: 2 }),
  });

/** A limit as a percentage of the demand: from nothing to everything. */
const share = fc.noBias(fc.integer({ min: 0, max: 100 }));

/**
 * Small problems with 2 envelopes, 2 departments and 3 zones, optional caps on each, one candidate in
 * `mandatoryOneIn` mandatory on average, and dependencies only on earlier candidates (so never a
 * cycle). Budgets and caps are 0–100 % of the demand (the sum of every candidate's dearest option),
 * so that some bind and some do not.
 */
export function smallProblem(maxCandidates: number, mandatoryOneIn = 6): fc.Arbitrary<AllocationProblem> {
  return fc
    .record({
      candidates: fc.array(candidate(mandatoryOneIn), { maxLength: maxCandidates, size: 'max' }),
      budgets: fc.tuple(share, share),
      departmentCaps: fc.tuple(fc.option(share), fc.option(share)),
      zoneCaps: fc.tuple(fc.option(share), fc.option(share), fc.option(share)),
    })
    .map(({ candidates, budgets, departmentCaps, zoneCaps }) => {
      const demand = candidates.reduce((sum, c) => sum + Math.max(...c.options.map((o) => o.costFen)), 0);
      const limitOf = (percent: number) => Math.round((percent / 100) * demand);
      return {
        envelopes: ENVELOPES.map((id, e) => ({ id, budgetFen: limitOf(budgets[e]) })),
        departmentCaps: capsOf(
          DEPARTMENTS,
          departmentCaps.map((p) => (p === null ? null : limitOf(p))),
        ),
        zoneCaps: capsOf(
          ZONES,
          zoneCaps.map((p) => (p === null ? null : limitOf(p))),
        ),
        candidates: candidates.map(
          (c, i): CandidateInput => ({
            id: `c${i}`,
            department: c.department,
            zone: c.zone,
            mandatory: c.mandatory,
            dependsOn: i === 0 ? [] : [...new Set(c.dependsOn.map((d) => `c${d % i}`))],
            options: c.options.map((o, j) => ({ id: `o${j}`, ...o })),
          }),
        ),
      };
    });
}

function capsOf(ids: readonly string[], caps: readonly (number | null)[]): { id: string; capFen: number }[] {
  return ids.flatMap((id, n) => (caps[n] === null ? [] : [{ id, capFen: caps[n] as number }]));
}

import type { AllocationProblem } from '../problem';

/**
 * The worked example of the README: a mandatory restroom refit, a south-court road with a cheap and a
 * dear option paid from different envelopes, and air sensors that need a network backbone first.
 */
export const campusExample: AllocationProblem = {
  envelopes: [
    { id: 'maintenance', budgetFen: 5_000_000 },
    { id: 'capital', budgetFen: 6_000_000 },
  ],
  zoneCaps: [{ id: 'south-court', capFen: 7_000_000 }],
  candidates: [
    {
      id: 'restroom-N',
      department: 'facilities',
      zone: 'north-court',
      envelope: 'maintenance',
      mandatory: true,
      options: [{ id: 'refit', costFen: 3_000_000, benefit: 40, lifetimeYears: 10 }],
    },
    {
      id: 'road-S',
      department: 'roads',
      zone: 'south-court',
      envelope: 'maintenance',
      options: [
        { id: 'patch', costFen: 1_500_000, benefit: 25, lifetimeYears: 3 },
        { id: 'resurface', costFen: 4_000_000, benefit: 45, lifetimeYears: 12, envelope: 'capital' },
      ],
    },
    {
      id: 'network-S',
      department: 'information',
      zone: 'south-court',
      envelope: 'capital',
      options: [{ id: 'backbone', costFen: 2_000_000, benefit: 5, lifetimeYears: 15 }],
    },
    {
      id: 'sensors-S',
      department: 'information',
      zone: 'south-court',
      envelope: 'capital',
      dependsOn: ['network-S'],
      options: [{ id: 'install', costFen: 2_500_000, benefit: 30, lifetimeYears: 6 }],
    },
  ],
};

/** One candidate per entry, all in the same department and zone, paid from one envelope. */
export function knapsack(
  budgetFen: number,
  items: readonly {
    id: string;
    costFen: number;
    benefit: number;
    lifetimeYears?: number;
    mandatory?: boolean;
  }[],
): AllocationProblem {
  return {
    envelopes: [{ id: 'maintenance', budgetFen }],
    candidates: items.map((item) => ({
      id: item.id,
      department: 'facilities',
      zone: 'north-court',
      envelope: 'maintenance',
      ...(item.mandatory && { mandatory: true }),
      options: [
        { id: 'do', costFen: item.costFen, benefit: item.benefit, lifetimeYears: item.lifetimeYears ?? 10 },
      ],
    })),
  };
}

import type { AllocationProblem, CandidateInput, CapInput } from '@buqi/domain-allocation';
import { DomainValidationError } from '@buqi/domain-kernel';
import { remedyByOption } from '../../candidates/domain/remedies';

/** The envelopes a plan spends: the emergency reserve is the funding rules' alone. */
export const PLAN_ENVELOPES = ['maintenance', 'capital'] as const;
export type PlanEnvelope = (typeof PLAN_ENVELOPES)[number];

/**
 * Years of risk a remedy is credited with removing, at most: a resurfacing that lasts 12 years is
 * not worth six patches over a planning horizon nobody believes beyond ten.
 */
export const BENEFIT_HORIZON_YEARS = 10;

/** What a plan needs of a remediation candidate. */
export interface PlanCandidate {
  readonly id: string;
  readonly department?: string;
  readonly zoneId?: string;
  readonly riskScore?: number;
  readonly options?: readonly { readonly option: string; readonly costFen?: number }[];
}

export interface PlanInputs {
  readonly candidates: readonly PlanCandidate[];
  /** What the plan may spend from each envelope. */
  readonly budgetFen: Readonly<Record<PlanEnvelope, number>>;
  /** What is left under each department's and zone's cap. */
  readonly departmentCaps: Readonly<Record<string, number>>;
  readonly zoneCaps: Readonly<Record<string, number>>;
  /** Candidates that may be funded only with others (drainage before resurfacing): id → ids. */
  readonly dependencies?: Readonly<Record<string, readonly string[]>>;
}

/** The zone of a candidate whose shortfall named none: it counts against no zone cap. */
export const NO_ZONE = '(no zone)';

/**
 * The benefit of remedying a candidate with an option: its risk score for each year the remedy
 * lasts, up to the horizon (risk-years removed, on one scale for every class of asset).
 */
export function benefitOf(riskScore: number, lifetimeYears: number): number {
  return Math.round(riskScore * Math.min(lifetimeYears, BENEFIT_HORIZON_YEARS) * 100) / 100;
}

/**
 * The allocation problem of a plan: each candidate with its costed options (an option with no cost,
 * or one no remedy in the catalogue knows, is left out; a candidate left with none is not offered),
 * paid from the remedy's envelope, within the budgets and what the caps have left. A dependency on a
 * candidate not offered is refused, naming both.
 */
export function planProblem(inputs: PlanInputs): { problem: AllocationProblem; notOffered: string[] } {
  const candidates: CandidateInput[] = [];
  const notOffered: string[] = [];
  for (const c of inputs.candidates) {
    const options = (c.options ?? []).flatMap((o) => {
      const remedy = remedyByOption(o.option);
      if (o.costFen === undefined || !remedy) return [];
      return [
        {
          id: o.option,
          costFen: o.costFen,
          benefit: benefitOf(c.riskScore ?? 0, remedy.lifetimeYears),
          lifetimeYears: remedy.lifetimeYears,
          envelope: remedy.envelope,
        },
      ];
    });
    if (options.length === 0) {
      notOffered.push(c.id);
      continue;
    }
    candidates.push({
      id: c.id,
      department: c.department ?? 'unknown',
      zone: c.zoneId ?? NO_ZONE,
      options,
      ...(inputs.dependencies?.[c.id] && { dependsOn: inputs.dependencies[c.id] }),
    });
  }
  const offered = new Set(candidates.map((c) => c.id));
  for (const [id, needs] of Object.entries(inputs.dependencies ?? {})) {
    if (!offered.has(id))
      throw new DomainValidationError(
        `dependencies.${id}`,
        needs,
        `names ${id}, which is not an open candidate awaiting the plan with a costed option`,
      );
    for (const need of needs)
      if (!offered.has(need))
        throw new DomainValidationError(
          `dependencies.${id}`,
          needs,
          `${id} depends on ${need}, which is not an open candidate awaiting the plan with a costed option`,
        );
  }
  const caps = (limits: Readonly<Record<string, number>>): CapInput[] =>
    Object.entries(limits).map(([id, capFen]) => ({ id, capFen }));
  return {
    problem: {
      candidates,
      envelopes: PLAN_ENVELOPES.map((id) => ({ id, budgetFen: inputs.budgetFen[id] })),
      departmentCaps: caps(inputs.departmentCaps),
      zoneCaps: caps(inputs.zoneCaps),
    },
    notOffered,
  };
}

import type { Fen } from '@buqi/domain-money';

/** One way of fixing a candidate: what it costs now, what it is worth, how long it lasts. */
export interface OptionInput {
  readonly id: string;
  /** Up-front cost in integer fen, charged in full to this year's envelope. */
  readonly costFen: number;
  /** Benefit (e.g. risk-reduction points), finite and ≥ 0, on one common scale across candidates. */
  readonly benefit: number;
  /** Service life in years (> 0): reported as annualised cost and used to break ties. */
  readonly lifetimeYears: number;
  /** The envelope paying for this option; defaults to the candidate's envelope. */
  readonly envelope?: string;
}

/** Something that could be funded this year (a road segment to resurface, a restroom to refit…). */
export interface CandidateInput {
  readonly id: string;
  readonly department: string;
  readonly zone: string;
  readonly envelope?: string;
  /** Must be funded (with exactly one option). */
  readonly mandatory?: boolean;
  /** Candidates that must be funded if this one is. */
  readonly dependsOn?: readonly string[];
  readonly options: readonly OptionInput[];
}

/** A budget line (maintenance, capital, emergency reserve…) and what it holds this year. */
export interface EnvelopeInput {
  readonly id: string;
  readonly budgetFen: number;
}

/** A spending cap for one department or one zone; departments and zones without a cap are uncapped. */
export interface CapInput {
  readonly id: string;
  readonly capFen: number;
}

export interface AllocationProblem {
  readonly candidates: readonly CandidateInput[];
  readonly envelopes: readonly EnvelopeInput[];
  readonly departmentCaps?: readonly CapInput[];
  readonly zoneCaps?: readonly CapInput[];
}

export type ConstraintKind = 'envelope' | 'department' | 'zone';

/** A budget or cap row: everything chosen that it covers must cost at most `limitFen`. */
export interface Constraint {
  readonly kind: ConstraintKind;
  readonly id: string;
  readonly limitFen: Fen;
}

export interface ValidOption {
  readonly id: string;
  readonly costFen: Fen;
  readonly benefit: number;
  readonly lifetimeYears: number;
  /** Index into `ValidProblem.constraints` of the envelope that pays. */
  readonly envelopeRow: number;
}

export interface ValidCandidate {
  readonly id: string;
  readonly department: string;
  readonly zone: string;
  readonly mandatory: boolean;
  /** Indices of the candidates this one depends on. */
  readonly dependsOn: readonly number[];
  /** Indices of the candidates that depend on this one. */
  readonly dependents: readonly number[];
  readonly options: readonly ValidOption[];
  /** Index of the department cap row, or -1 when the department is uncapped. */
  readonly departmentRow: number;
  /** Index of the zone cap row, or -1 when the zone is uncapped. */
  readonly zoneRow: number;
}

/** A checked problem, with ids resolved to indices: envelopes first, then department and zone caps. */
export interface ValidProblem {
  readonly candidates: readonly ValidCandidate[];
  readonly constraints: readonly Constraint[];
  /** Candidate indices with every dependency before its dependents. */
  readonly topologicalOrder: readonly number[];
}

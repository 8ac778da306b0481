import { record, validDate } from '@buqi/domain-kernel';
import { num, type Scored } from './factor';
import { assessConsequence, type ConsequenceInput } from './consequence';
import { assessLikelihood, type Likelihood, type LikelihoodInput } from './likelihood';
import { PLACE_IMPORTANCE, type PlaceImportance } from './place-importance';
import { moreUrgent, priorityForScore, safetyFloor, type Priority } from './priority';

export type RiskInput = LikelihoodInput & ConsequenceInput;

export interface RiskOptions {
  readonly placeImportance?: readonly PlaceImportance[];
}

export interface RiskAssessment {
  /** likelihood × consequence, 1–25 (not rounded; round for display). */
  readonly score: number;
  readonly likelihood: Likelihood;
  readonly consequence: Scored;
  readonly priority: Priority;
  /** The class the score alone gives. */
  readonly priorityByScore: Priority;
  /** The safety floor that applied, if any. */
  readonly safetyFloor: Priority | null;
  readonly explanation: string;
}

/** Risk of an open shortfall: likelihood (1–5) × consequence (1–5), and the priority class it earns. */
export function assessRisk(input: RiskInput, options: RiskOptions = {}): RiskAssessment {
  const i = record('input', input);
  const o = record('options', options);
  const now = validDate('now', i['now']);
  const likelihood = assessLikelihood(input, now);
  const consequence = assessConsequence(
    input,
    (o['placeImportance'] as PlaceImportance[] | undefined) ?? PLACE_IMPORTANCE,
  );
  const score = likelihood.value * consequence.value;
  const byScore = priorityForScore(score);
  const floor = safetyFloor(input.safetyCritical, likelihood.value);
  const priority = moreUrgent(byScore, floor);
  const floorNote =
    floor === null
      ? ''
      : `; safety-critical with likelihood ${num(likelihood.value)} is at least ${floor}` +
        (priority === byScore ? ' (already met)' : '');
  return {
    score,
    likelihood,
    consequence,
    priority,
    priorityByScore: byScore,
    safetyFloor: floor,
    explanation:
      `score ${num(score)} = likelihood ${num(likelihood.value)} × consequence ${num(consequence.value)} → ` +
      `${byScore} by score${floorNote} → ${priority}`,
  };
}

import { finite, PRIORITIES, type Priority } from '@buqi/domain-kernel';

export { PRIORITIES, type Priority };

/** A score at or above `minScore` is at least `priority`; below the last: P4. */
export const PRIORITY_THRESHOLDS: readonly { readonly priority: Priority; readonly minScore: number }[] = [
  { priority: 'P1', minScore: 15 },
  { priority: 'P2', minScore: 10 },
  { priority: 'P3', minScore: 5 },
];

/** A safety-critical shortfall at least this likely is at least this urgent, whatever its score. */
export const SAFETY_FLOORS: readonly { readonly priority: Priority; readonly minLikelihood: number }[] = [
  { priority: 'P1', minLikelihood: 4.5 },
  { priority: 'P2', minLikelihood: 4 },
];

export function priorityForScore(score: number): Priority {
  finite('score', score, { min: 1, max: 25 });
  return PRIORITY_THRESHOLDS.find((t) => score >= t.minScore)?.priority ?? 'P4';
}

export function safetyFloor(safetyCritical: boolean, likelihood: number): Priority | null {
  if (!safetyCritical) return null;
  return SAFETY_FLOORS.find((f) => likelihood >= f.minLikelihood)?.priority ?? null;
}

/** The more urgent of two priorities (P1 is the most urgent). */
export function moreUrgent(a: Priority, b: Priority | null): Priority {
  return b !== null && PRIORITIES.indexOf(b) < PRIORITIES.indexOf(a) ? b : a;
}

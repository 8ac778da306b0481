import { remedyByOption } from '../../candidates/domain/remedies';
import type { CandidateDocument } from '../../candidates/persistence/candidate.schema';
import type { PlanCandidate, PlanItem } from '../persistence/plan.schema';
import { benefitOf, type PlanEnvelope } from './plan-problem';

/**
 * A candidate funded with one of its options, as a plan item: priced as the candidate was (the
 * quota version in force when its shortfall was detected), paid from the remedy's envelope, under
 * the remediation id the funding rules would use (`rem-<candidate>`), so one shortfall opening is
 * funded once whichever way. Undefined when the option is not one of the candidate's costed ones.
 */
export function planItem(c: PlanCandidate, option: string): PlanItem | undefined {
  const o = c.options.find((x) => x.option === option);
  const remedy = remedyByOption(option);
  if (!o || o.costFen === undefined || o.quotaVersion === undefined || o.quantity === undefined || !o.unit)
    return undefined;
  if (!remedy) return undefined;
  return {
    candidateId: c.id,
    remediationId: `rem-${c.id}`,
    assetId: c.assetId,
    department: c.department,
    ...(c.zoneId && { zoneId: c.zoneId }),
    priority: c.priority,
    riskScore: c.riskScore,
    option,
    taskType: o.taskType,
    quotaVersion: o.quotaVersion,
    quantity: o.quantity,
    unit: o.unit,
    standardHours: o.standardHours ?? 0,
    envelope: remedy.envelope as PlanEnvelope,
    costFen: o.costFen,
    benefit: benefitOf(c.riskScore, remedy.lifetimeYears),
    lifetimeYears: remedy.lifetimeYears,
  };
}

/** A candidate as a plan keeps it: what it is solved, shown and funded from. */
export function toPlanCandidate(c: CandidateDocument): PlanCandidate {
  return {
    id: c._id,
    assetId: c.assetId,
    department: c.department ?? 'unknown',
    ...(c.zoneId && { zoneId: c.zoneId }),
    riskScore: c.riskScore ?? 0,
    priority: c.priority ?? 'P4',
    options: c.options ?? [],
  };
}

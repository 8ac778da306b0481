import { nonNegative, oneOf, record, integer, finite } from '@buqi/domain-kernel';
import {
  GB_T_17217_1998,
  RESTROOM_CLASSES,
  type HygieneLimits,
  type RestroomClass,
} from './hygiene-standards';

/** What an inspector measures and counts against the hygiene standard; every item optional. */
export interface HygieneMeasurement {
  nh3MgM3?: number;
  h2sMgM3?: number;
  /** odour intensity grade, 0–5 */
  odourGrade?: number;
  adultFlies?: number;
  maggots?: number;
}

export interface HygieneCheck {
  item: keyof HygieneMeasurement;
  value: number;
  limit: number;
  passes: boolean;
}

export interface HygieneResult {
  restroomClass: RestroomClass;
  /** every measured item within its limit (true when nothing was measured) */
  passes: boolean;
  checks: HygieneCheck[];
  /** items over their limit, for the shortfall evidence */
  failing: Array<keyof HygieneMeasurement>;
}

const LIMIT_OF: Record<keyof HygieneMeasurement, keyof HygieneLimits> = {
  nh3MgM3: 'nh3MgM3',
  h2sMgM3: 'h2sMgM3',
  odourGrade: 'odourGradeMax',
  adultFlies: 'adultFliesMax',
  maggots: 'maggotsMax',
};

/** A restroom's measured hygiene against the limits of its class (GB/T 17217 by default). */
export function restroomHygiene(
  measurement: HygieneMeasurement,
  restroomClass: RestroomClass,
  limits: Readonly<Record<RestroomClass, HygieneLimits>> = GB_T_17217_1998,
): HygieneResult {
  const cls = oneOf('restroomClass', restroomClass, RESTROOM_CLASSES);
  const m = record('measurement', measurement);
  const limit = record(`limits.${cls}`, record('limits', limits)[cls]) as unknown as HygieneLimits;
  const checks: HygieneCheck[] = [];
  for (const item of Object.keys(LIMIT_OF) as Array<keyof HygieneMeasurement>) {
    if (m[item] === undefined) continue;
    const value =
      item === 'odourGrade'
        ? integer('measurement.odourGrade', m[item], { min: 0, max: 5 })
        : item === 'adultFlies' || item === 'maggots'
          ? integer(`measurement.${item}`, m[item], { min: 0 })
          : nonNegative(`measurement.${item}`, m[item]);
    const max = finite(`limits.${cls}.${LIMIT_OF[item]}`, limit[LIMIT_OF[item]], { min: 0 });
    checks.push({ item, value, limit: max, passes: value <= max });
  }
  const failing = checks.filter((c) => !c.passes).map((c) => c.item);
  return { restroomClass: cls, passes: failing.length === 0, checks, failing };
}

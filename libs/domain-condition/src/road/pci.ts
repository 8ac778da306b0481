import { array, DomainValidationError, integer, oneOf, positive, record } from '@buqi/domain-kernel';
import { round1 } from '../shared/score';
import { maxCorrectedDeduct, type CorrectedDeductResult } from './corrected-deduct';
import { DEDUCT_CURVES } from './deduct-curves';
import {
  DISTRESS_TYPES,
  DISTRESS_UNITS,
  SEVERITIES,
  type DistressType,
  type DistressUnit,
  type Severity,
} from './distress-types';
import { interpolateLogX } from './interpolate';
import { pciRating, type PciRating } from './rating';

export interface DistressObservation {
  type: DistressType;
  severity: Severity;
  /** m² for area distresses, m for cracking measured by length, a count for potholes */
  quantity: number;
}

/** One inspected sample unit of asphalt pavement (D6433 suggests about 225 m² ± 90 m²). */
export interface PavementSample {
  areaM2: number;
  distresses: readonly DistressObservation[];
}

export interface DistressFactor {
  type: DistressType;
  severity: Severity;
  unit: DistressUnit;
  /** the quantities of every observation of this type and severity, added up */
  quantity: number;
  /** quantity / area × 100 (for potholes: count / area × 100) */
  densityPct: number;
  deductValue: number;
  /** indexes into `distresses` of the observations combined here */
  observations: number[];
}

export interface PciResult {
  /** 0–100, one decimal place */
  index: number;
  rating: PciRating;
  factors: CorrectedDeductResult & { areaM2: number; distresses: DistressFactor[] };
}

function validObservation(value: unknown, i: number): DistressObservation {
  const o = record(`distresses[${i}]`, value);
  const type = oneOf(`distresses[${i}].type`, o['type'], DISTRESS_TYPES);
  const severity = oneOf(`distresses[${i}].severity`, o['severity'], SEVERITIES);
  const quantity =
    DISTRESS_UNITS[type] === 'count'
      ? integer(`distresses[${i}].quantity`, o['quantity'], { min: 1 })
      : positive(`distresses[${i}].quantity`, o['quantity']);
  return { type, severity, quantity };
}

/** Groups observations by type and severity, checking an area distress never covers more than the sample. */
function combine(areaM2: number, observations: readonly DistressObservation[]): DistressFactor[] {
  const groups = new Map<string, DistressFactor>();
  const areaByType = new Map<DistressType, number>();
  observations.forEach((o, i) => {
    const unit = DISTRESS_UNITS[o.type];
    if (unit === 'm2') {
      const covered = (areaByType.get(o.type) ?? 0) + o.quantity;
      if (covered > areaM2) {
        throw new DomainValidationError(
          `distresses[${i}].quantity`,
          o.quantity,
          `brings ${o.type} to ${covered} m², more than the sample area of ${areaM2} m²`,
        );
      }
      areaByType.set(o.type, covered);
    }
    const key = `${o.type}/${o.severity}`;
    const group = groups.get(key) ?? {
      ...o,
      unit,
      quantity: 0,
      densityPct: 0,
      deductValue: 0,
      observations: [],
    };
    group.quantity += o.quantity;
    group.observations.push(i);
    groups.set(key, group);
  });
  return [...groups.values()].map((g) => {
    const densityPct = (g.quantity / areaM2) * 100;
    if (!Number.isFinite(densityPct)) {
      const last = g.observations[g.observations.length - 1];
      throw new DomainValidationError(
        `distresses[${last}].quantity`,
        observations[last].quantity,
        'is too large',
      );
    }
    return { ...g, densityPct, deductValue: interpolateLogX(DEDUCT_CURVES[g.type][g.severity], densityPct) };
  });
}

/**
 * Pavement condition index of an asphalt sample unit by a deduct-value method modelled on ASTM D6433,
 * with approximated curves. 100 is a pavement without distress, 0 a failed one.
 */
export function pavementConditionIndex(sample: PavementSample): PciResult {
  const s = record('sample', sample);
  const areaM2 = positive('areaM2', s['areaM2']);
  const observations = array('distresses', s['distresses']).map(validObservation);
  const distresses = combine(areaM2, observations);
  const cdv = maxCorrectedDeduct(distresses.map((d) => d.deductValue));
  const index = round1(100 - cdv.maxCdv);
  return { index, rating: pciRating(index), factors: { ...cdv, areaM2, distresses } };
}

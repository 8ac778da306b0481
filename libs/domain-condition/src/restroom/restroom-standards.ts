import { DomainValidationError, finite, oneOf, positive, record } from '@buqi/domain-kernel';
import {
  GB_T_17217_1998,
  MOLAR_MASS,
  mgPerM3ToPpm,
  RESTROOM_CLASSES,
  type HygieneLimits,
  type RestroomClass,
} from './hygiene-standards';

export const FIXTURE_KINDS = [
  'squat-toilet',
  'seat-toilet',
  'urinal',
  'washbasin',
  'hand-dryer',
  'soap-dispenser',
] as const;
export type FixtureKind = (typeof FIXTURE_KINDS)[number];

export const RESTROOM_FACTORS = ['fixtures', 'odour', 'cleanliness', 'leaks', 'ventilation'] as const;
export type RestroomFactorName = (typeof RESTROOM_FACTORS)[number];

/** Sub-score 100 at or below `fullAt` ppm, 0 at or above `zeroAt` ppm. */
export interface GasThreshold {
  fullAt: number;
  zeroAt: number;
}

export interface RestroomStandards {
  /** weight of each factor in the index; normalised to sum to 1 */
  weights: Readonly<Record<RestroomFactorName, number>>;
  /** how much one fixture of a kind counts in the fixtures sub-score */
  fixtureWeights: Readonly<Record<FixtureKind, number>>;
  nh3Ppm: GasThreshold;
  h2sPpm: GasThreshold;
  /** points off the leaks sub-score per leak that is running / per sign of an earlier leak */
  leakPenalty: { active: number; inactive: number };
  minAirChangesPerHour: number;
}

/**
 * Defaults. Gas limits: GB/T 17217-1998 (城市公厕卫生标准) sets NH3 at 0.3 mg/m³ for a class-I
 * toilet and 3 mg/m³ for class III, H2S at 0.01 mg/m³; converted to ppm at 25 °C
 * (ppm = mg/m³ × 24.45 / molar mass) that is NH3 0.43 → 4.3 ppm and H2S 0.0072 ppm. H2S has one
 * limit only, so its zero point is set a decade above it, like NH3's. Weights, leak penalties and
 * the air-change rate are Buqi's defaults, to be replaced by the bureau's quality standard.
 */
export const DEFAULT_RESTROOM_STANDARDS: RestroomStandards = {
  weights: { fixtures: 0.3, odour: 0.25, cleanliness: 0.2, leaks: 0.15, ventilation: 0.1 },
  fixtureWeights: {
    'squat-toilet': 3,
    'seat-toilet': 3,
    urinal: 3,
    washbasin: 2,
    'hand-dryer': 1,
    'soap-dispenser': 1,
  },
  nh3Ppm: { fullAt: 0.43, zeroAt: 4.3 },
  h2sPpm: { fullAt: 0.0072, zeroAt: 0.072 },
  leakPenalty: { active: 50, inactive: 20 },
  minAirChangesPerHour: 10,
};

function weightTable<K extends string>(field: string, value: unknown, keys: readonly K[]): Record<K, number> {
  const o = record(field, value);
  const table = {} as Record<K, number>;
  for (const k of keys) table[k] = finite(`${field}.${k}`, o[k], { min: 0 });
  if (keys.every((k) => table[k] === 0)) {
    throw new DomainValidationError(field, value, 'must give at least one weight above 0');
  }
  return table;
}

function gas(field: string, value: unknown): GasThreshold {
  const o = record(field, value);
  const fullAt = positive(`${field}.fullAt`, o['fullAt']);
  const zeroAt = positive(`${field}.zeroAt`, o['zeroAt']);
  if (zeroAt <= fullAt) throw new DomainValidationError(`${field}.zeroAt`, zeroAt, 'must be above fullAt');
  return { fullAt, zeroAt };
}

export function validRestroomStandards(value: unknown): RestroomStandards {
  const o = record('standards', value);
  const penalty = record('standards.leakPenalty', o['leakPenalty']);
  return {
    weights: weightTable('standards.weights', o['weights'], RESTROOM_FACTORS),
    fixtureWeights: weightTable('standards.fixtureWeights', o['fixtureWeights'], FIXTURE_KINDS),
    nh3Ppm: gas('standards.nh3Ppm', o['nh3Ppm']),
    h2sPpm: gas('standards.h2sPpm', o['h2sPpm']),
    leakPenalty: {
      active: finite('standards.leakPenalty.active', penalty['active'], { min: 0, max: 100 }),
      inactive: finite('standards.leakPenalty.inactive', penalty['inactive'], { min: 0, max: 100 }),
    },
    minAirChangesPerHour: positive('standards.minAirChangesPerHour', o['minAirChangesPerHour']),
  };
}

/**
 * The defaults with the odour thresholds of a toilet class: each gas scores 100 up to its GB/T 17217
 * limit for the class (in ppm at 25 °C) and 0 from ten times it, as the class-1 defaults above do.
 */
export function restroomStandardsForClass(
  restroomClass: RestroomClass,
  limits: Readonly<Record<RestroomClass, HygieneLimits>> = GB_T_17217_1998,
): RestroomStandards {
  const l = limits[oneOf('restroomClass', restroomClass, RESTROOM_CLASSES)];
  const nh3 = mgPerM3ToPpm(l.nh3MgM3, MOLAR_MASS.nh3);
  const h2s = mgPerM3ToPpm(l.h2sMgM3, MOLAR_MASS.h2s);
  return {
    ...DEFAULT_RESTROOM_STANDARDS,
    nh3Ppm: { fullAt: nh3, zeroAt: nh3 * 10 },
    h2sPpm: { fullAt: h2s, zeroAt: h2s * 10 },
  };
}

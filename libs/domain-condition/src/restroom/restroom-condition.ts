import { array, bool, DomainValidationError, integer, nonNegative, oneOf, record } from '@buqi/domain-kernel';
import { linearScore, logDescendingScore, weightedIndex, type Scored } from '../shared/score';
import {
  DEFAULT_RESTROOM_STANDARDS,
  FIXTURE_KINDS,
  validRestroomStandards,
  type FixtureKind,
  type RestroomStandards,
} from './restroom-standards';

export interface FixtureCount {
  kind: FixtureKind;
  working: number;
  total: number;
}

/** One inspection of a restroom: what a crew or supervisor records, plus the odour sensor readings. */
export interface RestroomInspection {
  fixtures: readonly FixtureCount[];
  odour: { nh3Ppm: number; h2sPpm: number };
  /** the inspection checklist: items passed out of items checked */
  cleanliness: { itemsPassed: number; itemsChecked: number };
  /** leak points found; `active` of them running now, the rest signs of an earlier leak (stains, damp) */
  leaks: { found: number; active: number };
  /** the extract fan; `airChangesPerHour` when it was measured */
  ventilation: { working: boolean; airChangesPerHour?: number };
}

export interface RestroomConditionResult {
  /** 0–100, one decimal place */
  index: number;
  factors: {
    fixtures: Scored & { byKind: Array<FixtureCount & { weight: number }> };
    odour: Scored & {
      nh3Ppm: number;
      h2sPpm: number;
      nh3Score: number;
      h2sScore: number;
      governedBy: 'nh3' | 'h2s';
    };
    cleanliness: Scored & { itemsPassed: number; itemsChecked: number };
    leaks: Scored & { found: number; active: number };
    ventilation: Scored & {
      working: boolean;
      airChangesPerHour: number | null;
      minAirChangesPerHour: number;
    };
  };
}

function fixtureCounts(value: unknown): FixtureCount[] {
  const seen = new Map<FixtureKind, number>();
  return array('fixtures', value, 1).map((item, i) => {
    const f = record(`fixtures[${i}]`, item);
    const kind = oneOf(`fixtures[${i}].kind`, f['kind'], FIXTURE_KINDS);
    if (seen.has(kind)) {
      throw new DomainValidationError(`fixtures[${i}].kind`, kind, `repeats fixtures[${seen.get(kind)}]`);
    }
    seen.set(kind, i);
    const total = integer(`fixtures[${i}].total`, f['total'], { min: 1 });
    const working = integer(`fixtures[${i}].working`, f['working'], { min: 0, max: total });
    return { kind, working, total };
  });
}

function fixturesFactor(fixtures: FixtureCount[], standards: RestroomStandards) {
  const byKind = fixtures.map((f) => ({ ...f, weight: standards.fixtureWeights[f.kind] }));
  const capacity = byKind.reduce((acc, f) => acc + f.weight * f.total, 0);
  if (capacity === 0) {
    throw new DomainValidationError('fixtures', fixtures, 'are all of kinds weighted 0 in the standards');
  }
  const working = byKind.reduce((acc, f) => acc + f.weight * f.working, 0);
  return { subScore: (100 * working) / capacity, byKind };
}

function odourFactor(value: unknown, standards: RestroomStandards) {
  const o = record('odour', value);
  const nh3Ppm = nonNegative('odour.nh3Ppm', o['nh3Ppm']);
  const h2sPpm = nonNegative('odour.h2sPpm', o['h2sPpm']);
  const nh3Score = logDescendingScore(nh3Ppm, standards.nh3Ppm.fullAt, standards.nh3Ppm.zeroAt);
  const h2sScore = logDescendingScore(h2sPpm, standards.h2sPpm.fullAt, standards.h2sPpm.zeroAt);
  // The nose notices the worse gas: the lower score governs.
  const governedBy: 'nh3' | 'h2s' = h2sScore < nh3Score ? 'h2s' : 'nh3';
  return { subScore: Math.min(nh3Score, h2sScore), nh3Ppm, h2sPpm, nh3Score, h2sScore, governedBy };
}

function cleanlinessFactor(value: unknown) {
  const c = record('cleanliness', value);
  const itemsChecked = integer('cleanliness.itemsChecked', c['itemsChecked'], { min: 1 });
  const itemsPassed = integer('cleanliness.itemsPassed', c['itemsPassed'], { min: 0, max: itemsChecked });
  return { subScore: (100 * itemsPassed) / itemsChecked, itemsPassed, itemsChecked };
}

function leaksFactor(value: unknown, standards: RestroomStandards) {
  const l = record('leaks', value);
  const found = integer('leaks.found', l['found'], { min: 0 });
  const active = integer('leaks.active', l['active'], { min: 0, max: found });
  const lost = active * standards.leakPenalty.active + (found - active) * standards.leakPenalty.inactive;
  return { subScore: Math.max(0, 100 - lost), found, active };
}

function ventilationFactor(value: unknown, standards: RestroomStandards) {
  const v = record('ventilation', value);
  const working = bool('ventilation.working', v['working']);
  const airChangesPerHour =
    v['airChangesPerHour'] === undefined
      ? null
      : nonNegative('ventilation.airChangesPerHour', v['airChangesPerHour']);
  const min = standards.minAirChangesPerHour;
  // A working fan that was not measured is taken to meet the standard; a stopped fan scores nothing.
  const subScore = !working ? 0 : airChangesPerHour === null ? 100 : linearScore(airChangesPerHour, 0, min);
  return { subScore, working, airChangesPerHour, minAirChangesPerHour: min };
}

/**
 * Restroom condition, 0–100, as a weighted mean of five sub-scores: fixtures working, odour (NH3 and
 * H2S), cleanliness checklist, leaks and ventilation. A restroom must list at least one fixture.
 */
export function restroomCondition(
  inspection: RestroomInspection,
  standards: RestroomStandards = DEFAULT_RESTROOM_STANDARDS,
): RestroomConditionResult {
  const s = validRestroomStandards(standards);
  const i = record('inspection', inspection);
  const fixtures = fixturesFactor(fixtureCounts(i['fixtures']), s);
  const odour = odourFactor(i['odour'], s);
  const cleanliness = cleanlinessFactor(i['cleanliness']);
  const leaks = leaksFactor(i['leaks'], s);
  const ventilation = ventilationFactor(i['ventilation'], s);
  const w = s.weights;
  const { index, scored } = weightedIndex({
    fixtures: { subScore: fixtures.subScore, weight: w.fixtures },
    odour: { subScore: odour.subScore, weight: w.odour },
    cleanliness: { subScore: cleanliness.subScore, weight: w.cleanliness },
    leaks: { subScore: leaks.subScore, weight: w.leaks },
    ventilation: { subScore: ventilation.subScore, weight: w.ventilation },
  });
  return {
    index,
    factors: {
      fixtures: { ...fixtures, ...scored.fixtures },
      odour: { ...odour, ...scored.odour },
      cleanliness: { ...cleanliness, ...scored.cleanliness },
      leaks: { ...leaks, ...scored.leaks },
      ventilation: { ...ventilation, ...scored.ventilation },
    },
  };
}

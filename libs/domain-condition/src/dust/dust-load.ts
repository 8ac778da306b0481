import { array, DomainValidationError, nonNegative, oneOf, positive, record } from '@buqi/domain-kernel';

export const ROAD_CLASSES = ['primary', 'secondary', 'branch'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/**
 * Default dust standards in g/m² (以克论净). Municipal schemes commonly hold main roads to about
 * 5 g/m²; the looser figures for lesser roads are defaults to be replaced by the bureau's own standard.
 */
export const DEFAULT_DUST_STANDARDS: Readonly<Record<RoadClass, number>> = {
  primary: 5,
  secondary: 10,
  branch: 15,
};

/** Dust swept or vacuumed from one marked patch of road, weighed after drying. */
export interface DustSample {
  dustGrams: number;
  areaM2: number;
}

export interface DustLoadInput {
  roadClass: RoadClass;
  samples: readonly DustSample[];
  /** overrides the default standard for some or all road classes, in g/m² */
  standards?: Partial<Record<RoadClass, number>>;
}

export interface DustSampleFactor extends DustSample {
  loadGPerM2: number;
  passes: boolean;
}

export interface DustLoadResult {
  /** total grams over total area: the load of the road as sampled */
  loadGPerM2: number;
  /** the limit in g/m² for the road class */
  standard: number;
  passes: boolean;
  /** standard − load, in g/m²: headroom when positive, excess when negative */
  margin: number;
  factors: {
    roadClass: RoadClass;
    totalDustGrams: number;
    totalAreaM2: number;
    samples: DustSampleFactor[];
    /** samples over the standard on their own, even when the road as a whole passes */
    samplesOverStandard: number;
  };
}

function standardFor(roadClass: RoadClass, overrides: unknown): number {
  if (overrides === undefined) return DEFAULT_DUST_STANDARDS[roadClass];
  const o = record('standards', overrides);
  for (const key of Object.keys(o)) {
    oneOf(`standards.${key}`, key, ROAD_CLASSES);
    positive(`standards.${key}`, o[key]);
  }
  return o[roadClass] === undefined ? DEFAULT_DUST_STANDARDS[roadClass] : (o[roadClass] as number);
}

/** 以克论净: is the dust left on a road, in grams per m², within the standard for its class? */
export function dustLoad(input: DustLoadInput): DustLoadResult {
  const i = record('input', input);
  const roadClass = oneOf('roadClass', i['roadClass'], ROAD_CLASSES);
  const standard = standardFor(roadClass, i['standards']);
  const samples = array('samples', i['samples'], 1).map((value, n): DustSampleFactor => {
    const s = record(`samples[${n}]`, value);
    const dustGrams = nonNegative(`samples[${n}].dustGrams`, s['dustGrams']);
    const areaM2 = positive(`samples[${n}].areaM2`, s['areaM2']);
    const loadGPerM2 = dustGrams / areaM2;
    if (!Number.isFinite(loadGPerM2)) {
      throw new DomainValidationError(`samples[${n}].areaM2`, areaM2, 'is too small to divide the dust by');
    }
    return { dustGrams, areaM2, loadGPerM2, passes: loadGPerM2 <= standard };
  });
  const totalDustGrams = samples.reduce((acc, s) => acc + s.dustGrams, 0);
  const totalAreaM2 = samples.reduce((acc, s) => acc + s.areaM2, 0);
  if (!Number.isFinite(totalDustGrams) || !Number.isFinite(totalAreaM2)) {
    throw new DomainValidationError(
      'samples',
      { totalDustGrams, totalAreaM2 },
      'add up beyond what can be computed',
    );
  }
  const loadGPerM2 = totalDustGrams / totalAreaM2;
  return {
    loadGPerM2,
    standard,
    passes: loadGPerM2 <= standard,
    margin: standard - loadGPerM2,
    factors: {
      roadClass,
      totalDustGrams,
      totalAreaM2,
      samples,
      samplesOverStandard: samples.filter((s) => !s.passes).length,
    },
  };
}

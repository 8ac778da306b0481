import { array, DomainValidationError, nonNegative, oneOf, positive, record } from '@buqi/domain-kernel';

/**
 * The parts of a road a dust standard distinguishes: the main carriageways, the other carriageways,
 * and footways (人行道/便道).
 */
export const DUST_CLASSES = ['main-carriageway', 'other-carriageway', 'footway'] as const;
export type DustClass = (typeof DUST_CLASSES)[number];

/**
 * Default limits in g/m² (以克论净): Shijiazhuang's Chang'an district scheme as reported in 2016 —
 * carriageways inside the second ring ≤ 5 g/m², carriageways outside it ≤ 8 g/m², footways ≤ 20 g/m²
 * (石家庄电视台, 2016-02, http://www.sjzntv.cn/vod/xwzh/msgz/2016/02/322281.html; a news report of
 * the scheme, not its text). Read here as main carriageways, other carriageways and footways. The
 * bureau replaces them with its own scheme's limits (`standards`).
 */
export const DEFAULT_DUST_STANDARDS: Readonly<Record<DustClass, number>> = {
  'main-carriageway': 5,
  'other-carriageway': 8,
  footway: 20,
};

/**
 * The sampling method the schemes describe: a frame of 1 m² laid on the road after cleaning, the dust
 * inside swept (or vacuumed) up, dried and weighed, at several points per road — three in Zhengzhou's
 * 2015 scheme (a 1 m² wooden frame, three points per road), five in Beijing's monthly monitoring of
 * 2024–2025 (城市道路尘土残存量监测, 北京市城市管理委员会). A result from fewer points, or other
 * patch sizes, is still computed but flagged as not following the method.
 */
export const DUST_SAMPLING = { patchAreaM2: 1, minPoints: 3 } as const;

/**
 * Which limit a road's carriageway answers to, from its urban road class (a Buqi default: arterials
 * and expressways are the main carriageways); footways always answer to the footway limit.
 */
export function dustClassOf(
  roadClass: 'expressway' | 'arterial' | 'secondary-arterial' | 'branch',
  part: 'carriageway' | 'footway',
): DustClass {
  if (part === 'footway') return 'footway';
  return roadClass === 'expressway' || roadClass === 'arterial' ? 'main-carriageway' : 'other-carriageway';
}

/** Dust swept or vacuumed from one marked patch of road, weighed after drying. */
export interface DustSample {
  dustGrams: number;
  areaM2: number;
}

export interface DustLoadInput {
  dustClass: DustClass;
  samples: readonly DustSample[];
  /** overrides the default standard for some or all classes, in g/m² */
  standards?: Partial<Record<DustClass, number>>;
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
    dustClass: DustClass;
    totalDustGrams: number;
    totalAreaM2: number;
    samples: DustSampleFactor[];
    /** samples over the standard on their own, even when the road as a whole passes */
    samplesOverStandard: number;
    /** whether the samples follow the sampling method (DUST_SAMPLING), and if not, why */
    sampling: { followsMethod: boolean; notes: string[] };
  };
}

function standardFor(dustClass: DustClass, overrides: unknown): number {
  if (overrides === undefined) return DEFAULT_DUST_STANDARDS[dustClass];
  const o = record('standards', overrides);
  for (const key of Object.keys(o)) {
    oneOf(`standards.${key}`, key, DUST_CLASSES);
    positive(`standards.${key}`, o[key]);
  }
  return o[dustClass] === undefined ? DEFAULT_DUST_STANDARDS[dustClass] : (o[dustClass] as number);
}

function samplingNotes(samples: readonly DustSample[]): string[] {
  const notes: string[] = [];
  if (samples.length < DUST_SAMPLING.minPoints)
    notes.push(
      `${samples.length} point(s) sampled; the method takes at least ${DUST_SAMPLING.minPoints} per road`,
    );
  const odd = samples.filter((s) => Math.abs(s.areaM2 - DUST_SAMPLING.patchAreaM2) > 1e-9).length;
  if (odd > 0) notes.push(`${odd} patch(es) not of ${DUST_SAMPLING.patchAreaM2} m²`);
  return notes;
}

/** 以克论净: is the dust left on a road, in grams per m², within the standard for its part of the road? */
export function dustLoad(input: DustLoadInput): DustLoadResult {
  const i = record('input', input);
  const dustClass = oneOf('dustClass', i['dustClass'], DUST_CLASSES);
  const standard = standardFor(dustClass, i['standards']);
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
  const notes = samplingNotes(samples);
  return {
    loadGPerM2,
    standard,
    passes: loadGPerM2 <= standard,
    margin: standard - loadGPerM2,
    factors: {
      dustClass,
      totalDustGrams,
      totalAreaM2,
      samples,
      samplesOverStandard: samples.filter((s) => !s.passes).length,
      sampling: { followsMethod: notes.length === 0, notes },
    },
  };
}

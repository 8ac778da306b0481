import type { SourceNote } from '../../pavement-types';
import { SOURCES } from '../sources';
import type { CurvePoints } from '../../../shared/interpolate';

/*
 * Corrected deduct value (CDV) against total deduct value (TDV), one curve per q (the number of
 * deducts greater than 2.0), as digitised point by point in brandnewbox/pavement_condition_index
 * (lookups/observed_corrected_deduct_values.rb) at TDV 30, 40, … 200. Entered as read, values above
 * 100 included (the lookup caps the CDV at 100). q = 1 is CDV = TDV.
 */
const TDV = [30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200];

export const ASTM_D6433_ASPHALT_CDV_POINTS: Readonly<Record<number, readonly number[]>> = {
  2: [
    21.9, 29.3, 36.9, 43.7, 50.4, 57.4, 63.7, 69.8, 75.4, 80.7, 85.6, 90, 93.9, 97.6, 101.3, 104.3, 106.7,
    108.9,
  ],
  3: [16.7, 24.3, 31.1, 37.8, 44.8, 50.7, 56.9, 63, 68.3, 73.1, 78.3, 83.3, 88, 92, 96.3, 99.8, 103, 105],
  4: [
    12.4, 19.3, 26.3, 33, 39.4, 45.6, 51.1, 56.7, 62.4, 67.8, 73.1, 78.5, 82.8, 86.9, 90.4, 93.3, 95.9, 98.1,
  ],
  5: [
    9.3, 16.3, 22.8, 28.9, 35.2, 40.9, 46.7, 51.9, 57, 62.4, 67.2, 72.2, 76.7, 80.9, 84.8, 88.1, 91.1, 93.3,
  ],
  6: [6.1, 13.1, 19.8, 25.6, 31.7, 37.6, 43, 48.1, 53.3, 58.7, 63.1, 68, 72.8, 77.2, 81.3, 84.6, 87.6, 90.2],
  7: [
    6.1, 13.1, 19.8, 25.6, 31.7, 37.6, 43, 48.1, 53.3, 58.7, 63.1, 67.4, 71.3, 74.8, 77.2, 79.4, 81.1, 82.2,
  ],
};

/** The concrete chart draws q = 2, 3, 4, 6 and 9 only. */
export const ASTM_D6433_CONCRETE_CDV_POINTS: Readonly<Record<number, readonly number[]>> = {
  2: [
    24.8, 32.2, 39.1, 45.9, 51.7, 57.4, 63.3, 69.1, 75, 80.2, 85.7, 90.6, 95.2, 99.8, 104.1, 108.1, 111.7,
    114.6,
  ],
  3: [
    18.7, 25.7, 32, 38.1, 44.4, 50.7, 56.5, 62, 67.4, 72.4, 77.6, 82.8, 88, 92.8, 97.4, 101.7, 105.6, 108.5,
  ],
  4: [
    16.7, 23, 28.5, 34.6, 40.4, 46.1, 51.3, 56.9, 62, 67.2, 71.7, 76.7, 80.9, 85.2, 89.6, 93.5, 97.6, 101.7,
  ],
  6: [
    12.4, 18, 23.7, 29.4, 34.8, 40.4, 46.1, 51.3, 56.3, 61.1, 65.9, 70.4, 74.8, 79.1, 82.8, 86.7, 90.4, 93.1,
  ],
  9: [8, 14.3, 20, 25.4, 30.4, 34.8, 39.3, 44.1, 49.1, 53.5, 57.8, 62.8, 66.7, 70.9, 74.8, 78.7, 82, 85.7],
};

/** The CDV curves of one pavement type. */
export interface CdvCurveSet {
  readonly pavement: 'asphalt' | 'jointed concrete';
  /** `curves[q - 1]` for q = 1 … `curves.length`; a larger q is read on the last. */
  readonly curves: readonly CurvePoints[];
  readonly sources: readonly SourceNote[];
}

/** q = 1: the CDV is the total itself. */
const IDENTITY: CurvePoints = [
  [0, 0],
  [200, 200],
];

/**
 * Below TDV 30, where the digitisation starts, a curve runs straight to (0, 0): no deduct, no CDV.
 * There Esri's fits (which go below 0 and are read as 0) run up to 4.4 CDV points lower; the
 * difference is at most a few points of a PCI above 70.
 */
function fromOrigin(cdvs: readonly number[]): CurvePoints {
  return [[0, 0], ...TDV.map((t, i) => [t, cdvs[i]] as const)];
}

/** A curve the chart does not draw, read linearly in q between the two drawn either side of it. */
function between(q: number, below: number, above: number): readonly number[] {
  const f = (q - below) / (above - below);
  const lo = ASTM_D6433_CONCRETE_CDV_POINTS[below];
  const hi = ASTM_D6433_CONCRETE_CDV_POINTS[above];
  return lo.map((v, i) => v + (hi[i] - v) * f);
}

export const ASTM_D6433_ASPHALT_CDV_CURVES: CdvCurveSet = {
  pavement: 'asphalt',
  curves: [IDENTITY, ...[2, 3, 4, 5, 6, 7].map((q) => fromOrigin(ASTM_D6433_ASPHALT_CDV_POINTS[q]))],
  sources: [SOURCES.asphaltCdv],
};

export const ASTM_D6433_CONCRETE_CDV_CURVES: CdvCurveSet = {
  pavement: 'jointed concrete',
  curves: [
    IDENTITY,
    fromOrigin(ASTM_D6433_CONCRETE_CDV_POINTS[2]),
    fromOrigin(ASTM_D6433_CONCRETE_CDV_POINTS[3]),
    fromOrigin(ASTM_D6433_CONCRETE_CDV_POINTS[4]),
    fromOrigin(between(5, 4, 6)),
    fromOrigin(ASTM_D6433_CONCRETE_CDV_POINTS[6]),
    fromOrigin(between(7, 6, 9)),
    fromOrigin(between(8, 6, 9)),
    fromOrigin(ASTM_D6433_CONCRETE_CDV_POINTS[9]),
  ],
  sources: [SOURCES.concreteCdv, SOURCES.concreteCdvBetween, SOURCES.concreteCdvBeyond],
};

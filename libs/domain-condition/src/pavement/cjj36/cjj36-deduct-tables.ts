import { interpolateLinear } from '../../shared/interpolate';
import type { PavementType, SourceNote } from '../pavement-types';
import { CJJ36_REPRODUCTIONS as R } from './cjj36-sources';

/** Points (density %, single-item deduct 单项扣分值), density strictly increasing. */
export type DeductPoints = ReadonlyArray<readonly [densityPct: number, deduct: number]>;

export interface Cjj36DeductTable {
  readonly points: DeductPoints;
  readonly source: SourceNote;
}

/** The asphalt table's density columns (%), shared by every row. */
const ASPHALT_DENSITIES = [0.01, 0.1, 1, 10, 50, 100] as const;

function row(densities: readonly number[], deducts: readonly number[]): DeductPoints {
  return densities.map((d, i) => [d, deducts[i]] as const);
}

const asphaltRow = (deducts: readonly number[]): DeductPoints => row(ASPHALT_DENSITIES, deducts);

const ASPHALT_TABLE_REF = `CJJ 36 沥青路面损坏单项扣分表, columns 0.01/0.1/1/10/50/100 %, as reproduced in ${R.rmsystem}, ${R.rmis} and ${R.pyConfig}; the standard's text was not read`;

const asphaltVerified = (note = ''): SourceNote => ({
  status: 'verified',
  ref: `${ASPHALT_TABLE_REF}${note}`,
});

const CONCRETE_TABLE_REF = `CJJ 36 水泥混凝土路面损坏单项扣分表 as reproduced in ${R.rmsystem}, ${R.rmis} and ${R.pyConfig}; the standard's text was not read. The last column, headed "≥x" in the rmsystem dump, is placed at 100 % density as the RMIS dump and the Python configuration place it`;

const concreteVerified: SourceNote = { status: 'verified', ref: CONCRETE_TABLE_REF };

/** A concrete row found in one reproduction only, of unknown edition. */
const concreteFromOlderTable = (name: string): SourceNote => ({
  status: 'unverified-default',
  ref: `no 2016-named reproduction found; the row ${name} of SCORE_SHUINLM in ${R.pyConfig}, the only source that has it (edition unknown)`,
});

/**
 * The density → single-item deduct tables. Density is the damaged area over the inspected area,
 * in percent. Between two points the deduct is read on a straight line; see `cjj36Deduct`.
 */
export const CJJ36_DEDUCT_TABLES: Readonly<Record<PavementType, Readonly<Record<string, Cjj36DeductTable>>>> =
  {
    asphalt: {
      'linear-crack': { points: asphaltRow([3, 5, 8, 16, 38, 48]), source: asphaltVerified() },
      'block-cracking': {
        points: asphaltRow([5, 8, 10, 20, 45, 70]),
        source: asphaltVerified(' (the RMIS dump has 5 at 0.1 %; the other two have 8, kept)'),
      },
      'alligator-cracking': {
        points: asphaltRow([8, 10, 15, 30, 55, 80]),
        source: asphaltVerified(' (named 碎裂 in the Python configuration)'),
      },
      shoving: { points: asphaltRow([3, 10, 15, 30, 52, 65]), source: asphaltVerified() },
      rutting: { points: asphaltRow([2, 7, 12, 25, 45, 55]), source: asphaltVerified() },
      depression: { points: asphaltRow([3, 5, 12, 25, 47, 63]), source: asphaltVerified() },
      'frost-boiling': {
        points: asphaltRow([10, 15, 20, 40, 65, 80]),
        source: asphaltVerified(' (not in the Python configuration; the two SQL dumps agree)'),
      },
      raveling: { points: asphaltRow([2, 5, 8, 15, 35, 45]), source: asphaltVerified() },
      pothole: { points: asphaltRow([10, 15, 25, 40, 65, 72]), source: asphaltVerified() },
      'edge-breaking': { points: asphaltRow([2, 4, 8, 15, 30, 40]), source: asphaltVerified() },
      'frame-height-difference': { points: asphaltRow([3, 8, 12, 12, 12, 12]), source: asphaltVerified() },
      pumping: {
        points: asphaltRow([5, 10, 15, 25, 50, 80]),
        source: asphaltVerified(' (not in the Python configuration; the two SQL dumps agree)'),
      },
      bleeding: {
        points: asphaltRow([2, 4, 8, 20, 40, 70]),
        source: asphaltVerified(' (not in the Python configuration; the two SQL dumps agree)'),
      },
    },
    'cement-concrete': {
      'corner-break': {
        points: row([0.5, 1, 3, 5, 7, 100], [12, 25, 33, 44, 55, 65]),
        source: concreteVerified,
      },
      'edge-corner-cracking': {
        points: row([0.5, 1, 3, 5, 7, 100], [5, 12, 17, 23, 29, 35]),
        source: concreteVerified,
      },
      'shattered-slab': {
        points: row([1, 5, 10, 30, 50, 100], [8, 17, 27, 55, 65, 75]),
        source: concreteVerified,
      },
      'joint-seal-damage': {
        points: row([0.1, 1, 5, 10, 20, 100], [1, 3, 5, 7, 10, 12]),
        source: concreteVerified,
      },
      'edge-corner-spalling': {
        points: row([0.5, 1, 3, 5, 7, 100], [4, 11, 15, 21, 27, 35]),
        source: concreteVerified,
      },
      'surface-hole': {
        points: row([0.02, 0.1, 0.2, 0.6, 1, 100], [9, 19, 30, 60, 70, 80]),
        source: concreteVerified,
      },
      'map-cracking': {
        points: row([0.5, 1, 5, 10, 50, 100], [5, 8, 10, 16, 33, 42]),
        source: { status: 'verified', ref: `${CONCRETE_TABLE_REF} (the RMIS dump names the row 表面裂纹)` },
      },
      'linear-crack': {
        points: row([0.1, 1, 5, 10, 20, 100], [4, 9, 38, 62, 70, 80]),
        source: concreteFromOlderTable('xianl (线裂)'),
      },
      faulting: {
        points: row([0.1, 1, 5, 10, 20, 100], [4, 7, 23, 29, 36, 41]),
        source: concreteFromOlderTable('cuot (错台)'),
      },
      blowup: {
        points: row([1, 5, 10, 30, 50, 100], [7, 15, 25, 48, 58, 68]),
        source: concreteFromOlderTable('gongq (拱起, taken to be 拱胀)'),
      },
      pumping: {
        points: row([0.1, 1, 5, 10, 20, 100], [2, 3, 13, 18, 23, 25]),
        source: concreteFromOlderTable('jij (唧浆)'),
      },
      'frame-height-difference': {
        points: asphaltRow([3, 8, 12, 12, 12, 12]),
        source: {
          status: 'unverified-default',
          ref: `no 2016-named concrete row found; the asphalt 路框差 row (${ASPHALT_TABLE_REF}), which the row lukc of SCORE_SHUINLM in ${R.pyConfig} repeats for concrete`,
        },
      },
      scaling: {
        points: asphaltRow([2, 5, 8, 15, 35, 45]),
        source: {
          status: 'unverified-default',
          ref: `no table for 层状剥落 found in any reproduction; uses the asphalt 剥落 row (${ASPHALT_TABLE_REF}): both are a loss of the surface layer, measured by area`,
        },
      },
      depression: {
        points: asphaltRow([3, 5, 12, 25, 47, 63]),
        source: {
          status: 'unverified-default',
          ref: `no concrete table for 沉陷 found in any reproduction; uses the asphalt 沉陷 row (${ASPHALT_TABLE_REF}), the same distress measured the same way`,
        },
      },
    },
  };

/**
 * The single-item deduct at a density (%). The reproductions give points only, and the standard's
 * own rule between them could not be read; this reads them as two commercial implementations do: a
 * straight line from (0, 0) to the first point and between points (2405cwb/XRDataProcess ChaZhi),
 * flat past the last point (2405cwb/RoadDataProcess interpolateClamped). Past the last point matters
 * little: every table ends at 100 %, and no type may cover more than the inspected area.
 */
export function cjj36Deduct(points: DeductPoints, densityPct: number): number {
  if (densityPct <= 0) return 0;
  return interpolateLinear([[0, 0], ...points], densityPct);
}

/** The interpolation rule's own note: it is Buqi's reading, not the standard's text. */
export const CJJ36_INTERPOLATION_SOURCE: SourceNote = {
  status: 'unverified-default',
  ref: `linear in density from (0, 0) as ${R.xrDataProcess} (ChaZhi) reads the tables, clamped at the last point as ${R.roadDataProcess} (interpolateClamped) does; ${R.pyConfig} also interpolates linearly per segment from 0. The standard's own instruction was not found`,
};

import type { Severity, SourceNote } from '../../pavement-types';

/** The key of a curve: a severity, or `all` for a type D6433 grades by extent alone. */
export type DeductRowKey = Severity | 'all';

/** One D6433 deduct chart as points read off it: the deduct at each density, per severity. */
export interface DeductCurveData {
  /** The density axis the chart is drawn on: asphalt charts on a log axis, concrete on a linear one. */
  readonly axis: 'log' | 'linear';
  /** Densities, %, strictly increasing: of the area, or (length, count) per 100 ft², or of the slabs. */
  readonly densities: readonly number[];
  /** Deduct values at those densities, as read (they may dip slightly or pass 100: see `deduct-lookup.ts`). */
  readonly rows: Readonly<Partial<Record<DeductRowKey, readonly number[]>>>;
  readonly source: SourceNote;
}

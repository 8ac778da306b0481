import type { DistressUnit } from '../pavement-types';

/*
 * Inspectors record metric quantities; the D6433 charts were drawn for inch-pound densities
 * (quantity per 100 ft² of sample unit). An area density is a ratio and reads the same either way
 * (m²/m² = ft²/ft²), and so is a share of slabs. A length or a count per area is not: 1 m per m² is
 * 3.28 ft per 10.76 ft², i.e. 0.3048 ft per ft²; one pothole in 225 m² is 0.44 per 100 m² but
 * 0.041 per 100 ft². Read on the chart at the metric density, a pothole would deduct as if there were
 * 10.8 of them. So length and count densities are converted to the densities the charts were drawn for.
 */

/** Exact by definition of the international foot. */
export const M_PER_FT = 0.3048;

/** Chart density ÷ recorded (metric) density, by unit. */
export const ASTM_D6433_CHART_DENSITY_FACTOR: Readonly<Record<DistressUnit, number>> = {
  m2: 1,
  slabs: 1,
  // (L m × 1/0.3048 ft/m) / (A m² × 1/0.3048² ft²/m²) = (L/A) × 0.3048 ft per ft²
  m: M_PER_FT,
  // N / (A m² × 1/0.3048² ft²/m²) = (N/A) × 0.3048² per ft²
  count: M_PER_FT * M_PER_FT,
};

export interface Density {
  /** As recorded: quantity ÷ sample area (m²) × 100 (per 100 m² for lengths and counts), or % of slabs. */
  recordedPct: number;
  /** The density the chart is read at (per 100 ft² for lengths and counts); the same for areas and slabs. */
  chartPct: number;
  /** chartPct ÷ recordedPct */
  factor: number;
}

/** The density of a distress on a sample unit: `base` is the sample area in m², or its slabs. */
export function densityOf(unit: DistressUnit, quantity: number, base: number): Density {
  const recordedPct = (quantity / base) * 100;
  const factor = ASTM_D6433_CHART_DENSITY_FACTOR[unit];
  return { recordedPct, chartPct: recordedPct * factor, factor };
}

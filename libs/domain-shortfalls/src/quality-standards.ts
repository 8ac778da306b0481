import type { AssetClass, Severity } from './finding';

/** A band of how far a value misses its limit (in the measure's unit), up to and including `upTo`. */
export interface SeverityBand {
  readonly upTo: number;
  readonly severity: Severity;
}

/**
 * A quality standard (工作质量标准) as data: a measure, which side of the limit passes, and severity
 * bands by how far a value misses it. A miss beyond the last band is `critical`.
 */
export interface QualityStandard {
  readonly id: string;
  readonly assetClass: AssetClass;
  readonly measure: string;
  /** '' for a dimensionless index. */
  readonly unit: string;
  readonly direction: 'at-least' | 'at-most';
  readonly limit: number;
  /** Ascending by `upTo`, severities never falling. */
  readonly bands: readonly SeverityBand[];
  /** The values the measure can take; anything else is bad input. */
  readonly valueRange: { readonly min: number; readonly max?: number };
}

const INDEX_BANDS: readonly SeverityBand[] = [
  { upTo: 10, severity: 'minor' },
  { upTo: 25, severity: 'moderate' },
  { upTo: 40, severity: 'major' },
];

/** The condition index each asset class must reach (0–100, higher is better). */
export const CONDITION_STANDARDS: Readonly<Record<AssetClass, QualityStandard>> = {
  'road-segment': {
    id: 'road-segment.pci',
    assetClass: 'road-segment',
    measure: 'PCI',
    unit: '',
    direction: 'at-least',
    limit: 70,
    bands: INDEX_BANDS,
    valueRange: { min: 0, max: 100 },
  },
  restroom: {
    id: 'restroom.condition',
    assetClass: 'restroom',
    measure: 'restroom condition index',
    unit: '',
    direction: 'at-least',
    limit: 75,
    bands: INDEX_BANDS,
    valueRange: { min: 0, max: 100 },
  },
  'monitoring-device': {
    id: 'monitoring-device.health',
    assetClass: 'monitoring-device',
    measure: 'device health index',
    unit: '',
    direction: 'at-least',
    limit: 80,
    bands: INDEX_BANDS,
    valueRange: { min: 0, max: 100 },
  },
};

/** 以克论净: residual dust on a road, grams per square metre, at most 5. */
export const DUST_LOAD_STANDARD: QualityStandard = {
  id: 'road-segment.dust-load',
  assetClass: 'road-segment',
  measure: 'dust load',
  unit: 'g/m²',
  direction: 'at-most',
  limit: 5,
  bands: [
    { upTo: 1, severity: 'minor' },
    { upTo: 3, severity: 'moderate' },
    { upTo: 5, severity: 'major' },
  ],
  valueRange: { min: 0 },
};

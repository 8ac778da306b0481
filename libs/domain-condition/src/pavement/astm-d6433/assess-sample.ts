import { DomainValidationError } from '@buqi/domain-kernel';
import type { CombinedDistress, DistressUnit, PavementType, Severity, ValidSample } from '../pavement-types';
import { maxCorrectedDeduct, type CorrectedDeductResult } from './corrected-deduct';
import { ASTM_D6433_ASPHALT_DEDUCT_CURVES } from './curves/asphalt-deduct-curves';
import { ASTM_D6433_CONCRETE_DEDUCT_CURVES } from './curves/concrete-deduct-curves';
import {
  ASTM_D6433_ASPHALT_CDV_CURVES,
  ASTM_D6433_CONCRETE_CDV_CURVES,
} from './curves/corrected-deduct-curves';
import { readDeduct } from './curves/deduct-lookup';
import { densityOf, M_PER_FT } from './density';
import { astmDistresses, JOINT_SEAL_DAMAGE, type AstmDistressSpec } from './distress-catalogue';
import { checkJointSeal, ASTM_D6433_JOINT_SEAL_DEDUCTS } from './joint-seal';

/** The deduct of one distress type and severity, and how it was found. */
export interface AstmDeductFactor {
  type: string;
  /** D6433's number for the distress */
  number: number;
  severity?: Severity;
  unit: DistressUnit;
  /** the quantities of every observation of this type and severity, added up */
  quantity: number;
  /** `chart`: read off the type's deduct chart; `sample-unit`: one deduct for the whole unit (joint seal damage) */
  reading: 'chart' | 'sample-unit';
  /** as recorded: quantity ÷ sample area (m²) × 100 — for lengths and counts per 100 m² — or % of the slabs */
  densityPct: number;
  /** the density the chart is read at: the same for areas and slabs; lengths and counts per 100 ft² */
  chartDensityPct: number;
  /** chartDensityPct ÷ densityPct: 1 (area, slabs), 0.3048 (length), 0.09290304 (count) */
  densityFactor: number;
  /** the chart's value at that density (potholes and blowups are drawn past 100) */
  chartDeduct: number;
  /** what the PCI uses: the chart's value, at most 100 */
  deductValue: number;
  /** indexes into the inspection's `distresses` of the observations added up here */
  observations: readonly number[];
}

export interface AstmD6433Factors extends CorrectedDeductResult {
  pavement: PavementType;
  curves: 'asphalt' | 'jointed concrete';
  sampleUnit: {
    areaM2: number;
    /** the same area in ft², the unit the charts were drawn for */
    areaFt2: number;
    /** jointed concrete: the slabs in the sample unit, on which densities are counted */
    slabs: number | null;
  };
  /** one per distress type and severity, in the order they were first recorded */
  deducts: AstmDeductFactor[];
}

function deductOf(
  d: CombinedDistress,
  spec: AstmDistressSpec,
  pavement: PavementType,
  base: number,
): AstmDeductFactor {
  const density = densityOf(d.unit, d.quantity, base);
  if (!Number.isFinite(density.recordedPct))
    throw new DomainValidationError(
      `distresses[${d.observations[0]}].quantity`,
      d.quantity,
      'is too large for the inspected area',
    );
  const common = {
    type: d.type,
    number: spec.number,
    ...(d.severity && { severity: d.severity }),
    unit: d.unit,
    quantity: d.quantity,
    densityPct: density.recordedPct,
    chartDensityPct: density.chartPct,
    densityFactor: density.factor,
    observations: d.observations,
  };
  if (d.type === JOINT_SEAL_DAMAGE) {
    const fixed = ASTM_D6433_JOINT_SEAL_DEDUCTS[d.severity as Severity];
    return { ...common, reading: 'sample-unit', chartDeduct: fixed, deductValue: fixed };
  }
  const chart = (
    pavement === 'asphalt' ? ASTM_D6433_ASPHALT_DEDUCT_CURVES : ASTM_D6433_CONCRETE_DEDUCT_CURVES
  )[d.type];
  const { chartDeduct, deductValue } = readDeduct(chart, d.severity ?? 'all', density.chartPct);
  return { ...common, reading: 'chart', chartDeduct, deductValue };
}

/**
 * PCI of one D6433 sample unit: a deduct per distress type and severity, combined into the maximum
 * corrected deduct value (made monotone, see `corrected-deduct.ts`); PCI = 100 − max CDV.
 */
export function assessAstmD6433(sample: ValidSample): { index: number; factors: AstmD6433Factors } {
  const concrete = sample.pavement === 'cement-concrete';
  // The dispatcher has checked the sample against the catalogue; these guard a direct call.
  if (concrete && sample.slabs === undefined)
    throw new DomainValidationError(
      'slabs',
      sample.slabs,
      'is required for jointed concrete under astm-d6433',
    );
  const slabs = concrete ? (sample.slabs as number) : null;
  if (slabs !== null) checkJointSeal(sample.distresses, slabs);
  const catalogue = new Map(astmDistresses(sample.pavement).map((s) => [s.type, s]));
  const deducts = sample.distresses.map((d) => {
    const spec = catalogue.get(d.type);
    if (!spec)
      throw new DomainValidationError(
        `distresses[${d.observations[0]}].type`,
        d.type,
        `is not a D6433 distress of ${sample.pavement} pavement`,
      );
    return deductOf(d, spec, sample.pavement, slabs ?? sample.areaM2);
  });
  const cdv = maxCorrectedDeduct(
    deducts.map((d) => d.deductValue),
    concrete ? ASTM_D6433_CONCRETE_CDV_CURVES : ASTM_D6433_ASPHALT_CDV_CURVES,
  );
  return {
    index: 100 - cdv.maxCdv,
    factors: {
      ...cdv,
      pavement: sample.pavement,
      curves: concrete ? 'jointed concrete' : 'asphalt',
      sampleUnit: { areaM2: sample.areaM2, areaFt2: sample.areaM2 / (M_PER_FT * M_PER_FT), slabs },
      deducts,
    },
  };
}

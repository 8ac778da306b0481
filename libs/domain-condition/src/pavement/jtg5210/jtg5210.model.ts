import type {
  DistressSpec,
  DistressUnit,
  PavementMethodModel,
  PavementType,
  Severity,
  ValidSample,
} from '../pavement-types';
import { JTG5210_DISTRESSES, JTG5210_WEIGHTS } from './jtg5210-catalogue';
import {
  JTG5210_ACTIONS,
  jtg5210Grade,
  JTG5210_GRADE_SOURCE,
  JTG5210_GRADES,
  JTG5210_PARAMETERS,
} from './jtg5210-grades';

/** One distress type and severity: its area A_i and weight w_i. */
export interface Jtg5210ItemFactor {
  readonly type: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly severity?: Severity;
  readonly unit: DistressUnit;
  readonly quantity: number;
  /** For a length: the width it is counted at (an unverified default). */
  readonly widthM?: number;
  /** A_i, m² */
  readonly damagedAreaM2: number;
  /** w_i */
  readonly weight: number;
  /** w_i × A_i, m² (折合损坏面积) */
  readonly weightedAreaM2: number;
}

export interface Jtg5210Factors {
  /** A: the inspected area (survey length × effective width), m². */
  readonly areaM2: number;
  readonly items: readonly Jtg5210ItemFactor[];
  /** Σ w_i × A_i, m² */
  readonly weightedAreaM2: number;
  /** DR = 100 × Σ w_i A_i / A, % (can pass 100 when several types overlap the same pavement). */
  readonly dr: number;
  readonly a0: number;
  readonly a1: number;
  /** a0 × DR^a1 */
  readonly deduct: number;
  /** 100 − deduct before clamping to 0–100. */
  readonly unclampedIndex: number;
}

function assess(sample: ValidSample): { index: number; factors: Jtg5210Factors } {
  const specs = new Map(JTG5210_DISTRESSES[sample.pavement].map((s) => [s.type, s]));
  const weights = JTG5210_WEIGHTS[sample.pavement];
  const items: Jtg5210ItemFactor[] = sample.distresses.map((d) => {
    const spec = specs.get(d.type) as DistressSpec;
    const damagedAreaM2 = d.unit === 'm' ? d.quantity * (spec.widthM as number) : d.quantity;
    const weight = weights[d.type][d.severity ?? 'ungraded'] as number;
    return {
      type: d.type,
      name: spec.name,
      ...(d.severity && { severity: d.severity }),
      unit: d.unit,
      quantity: d.quantity,
      ...(spec.widthM !== undefined && { widthM: spec.widthM }),
      damagedAreaM2,
      weight,
      weightedAreaM2: weight * damagedAreaM2,
    };
  });
  const weightedAreaM2 = items.reduce((acc, i) => acc + i.weightedAreaM2, 0);
  const dr = (100 * weightedAreaM2) / sample.areaM2;
  const { a0, a1 } = JTG5210_PARAMETERS[sample.pavement];
  const deduct = a0 * Math.pow(dr, a1);
  const unclampedIndex = 100 - deduct;
  return {
    index: Math.min(100, Math.max(0, unclampedIndex)),
    factors: { areaM2: sample.areaM2, items, weightedAreaM2, dr, a0, a1, deduct, unclampedIndex },
  };
}

/**
 * JTG 5210-2018 公路技术状况评定标准: the PCI of highway-grade roads, from the distress ratio DR.
 * Grades 优–差 regardless of road class. Figures and their sources: docs/jtg5210.md.
 */
export const JTG5210: PavementMethodModel<Jtg5210Factors> = {
  method: 'jtg5210',
  name: {
    zh: 'JTG 5210-2018 公路技术状况评定标准',
    en: 'JTG 5210-2018 Highway Performance Assessment Standard',
  },
  pavements: ['asphalt', 'cement-concrete'],
  distresses: (pavement: PavementType) => JTG5210_DISTRESSES[pavement],
  needsSlabs: () => false,
  assess,
  grades: JTG5210_GRADES,
  grade: (index: number) => jtg5210Grade(index),
  actions: JTG5210_ACTIONS,
  gradeSource: JTG5210_GRADE_SOURCE,
};

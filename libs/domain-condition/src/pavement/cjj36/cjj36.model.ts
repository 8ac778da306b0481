import type {
  DistressSpec,
  DistressUnit,
  PavementMethodModel,
  PavementType,
  SourceNote,
  ValidSample,
} from '../pavement-types';
import { CJJ36_CLASSES, CJJ36_DISTRESSES } from './cjj36-catalogue';
import { cjj36Deduct, CJJ36_DEDUCT_TABLES } from './cjj36-deduct-tables';
import { CJJ36_ACTIONS, cjj36Grade, CJJ36_GRADE_SOURCE, CJJ36_GRADES } from './cjj36-grades';
import { weighDeducts } from './cjj36-weighting';

/** One distress type (单项) of the sample, from its quantity to its weighted deduct. */
export interface Cjj36ItemFactor {
  readonly type: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** Its class (单类), e.g. 裂缝类. */
  readonly group: string;
  readonly unit: DistressUnit;
  readonly quantity: number;
  /** The area counted: the quantity, or a length times the type's width (线裂 × 0.2 m). */
  readonly damagedAreaM2: number;
  /** 损坏密度: damaged area ÷ inspected area × 100. */
  readonly densityPct: number;
  /** 单项扣分值 DP_ij, read from the type's table. */
  readonly deduct: number;
  /** u_ij: DP_ij over the class's sum of DP. */
  readonly share: number;
  /** w_ij = 3.0u³ − 5.5u² + 3.5u */
  readonly weight: number;
  /** DP_ij × w_ij */
  readonly weightedDeduct: number;
  /** Where the type's deduct table comes from (some are unverified defaults). */
  readonly deductSource: SourceNote;
}

/** One class (单类): its weighted deduct DP_i and its weight among the classes. */
export interface Cjj36ClassFactor {
  readonly code: string;
  readonly group: string;
  readonly en: string;
  /** Σ_j DP_ij before weighting. */
  readonly deductSum: number;
  /** 单类扣分 DP_i = Σ_j DP_ij × w_ij */
  readonly classDeduct: number;
  /** u_i: DP_i over Σ_i DP_i. */
  readonly share: number;
  /** w_i, the same polynomial. */
  readonly weight: number;
  /** DP_i × w_i */
  readonly weightedDeduct: number;
}

export interface Cjj36Factors {
  readonly areaM2: number;
  readonly items: readonly Cjj36ItemFactor[];
  /** Every class of the pavement, in the standard's order, including those without distress. */
  readonly classes: readonly Cjj36ClassFactor[];
  /** 综合扣分值 Σ_i DP_i × w_i */
  readonly totalDeduct: number;
  /** 100 − totalDeduct before clamping to 0–100 (it can fall below 0). */
  readonly unclampedIndex: number;
}

function assess(sample: ValidSample): { index: number; factors: Cjj36Factors } {
  const specs = new Map(CJJ36_DISTRESSES[sample.pavement].map((s) => [s.type, s]));
  const tables = CJJ36_DEDUCT_TABLES[sample.pavement];
  const readings = sample.distresses.map((d) => {
    const spec = specs.get(d.type) as DistressSpec;
    const damagedAreaM2 = d.unit === 'm' ? d.quantity * (spec.widthM as number) : d.quantity;
    const densityPct = (damagedAreaM2 / sample.areaM2) * 100;
    const table = tables[d.type];
    return {
      spec,
      d,
      damagedAreaM2,
      densityPct,
      deduct: cjj36Deduct(table.points, densityPct),
      source: table.source,
    };
  });

  const items: Cjj36ItemFactor[] = [];
  const withinClass = CJJ36_CLASSES[sample.pavement].map((cls) => {
    const members = readings.filter((r) => r.spec.group === cls.zh);
    const weighed = weighDeducts(members.map((r) => r.deduct));
    members.forEach((r, i) => {
      const part = weighed.parts[i];
      items.push({
        type: r.spec.type,
        name: r.spec.name,
        group: cls.zh,
        unit: r.d.unit,
        quantity: r.d.quantity,
        damagedAreaM2: r.damagedAreaM2,
        densityPct: r.densityPct,
        deduct: r.deduct,
        share: part.share,
        weight: part.weight,
        weightedDeduct: part.weighted,
        deductSource: r.source,
      });
    });
    return { cls, deductSum: members.reduce((acc, r) => acc + r.deduct, 0), classDeduct: weighed.total };
  });

  const across = weighDeducts(withinClass.map((c) => c.classDeduct));
  const classes = withinClass.map((c, i) => ({
    code: c.cls.code,
    group: c.cls.zh,
    en: c.cls.en,
    deductSum: c.deductSum,
    classDeduct: c.classDeduct,
    share: across.parts[i].share,
    weight: across.parts[i].weight,
    weightedDeduct: across.parts[i].weighted,
  }));
  const unclampedIndex = 100 - across.total;
  return {
    index: Math.min(100, Math.max(0, unclampedIndex)),
    factors: { areaM2: sample.areaM2, items, classes, totalDeduct: across.total, unclampedIndex },
  };
}

/**
 * CJJ 36-2016 城镇道路养护技术规范: the PCI of urban roads, the bureau's default method. Single-item
 * deducts from damage density, weighted within each class and then across classes; graded A–D by
 * the road class. Figures and their sources: docs/cjj36.md.
 */
export const CJJ36: PavementMethodModel<Cjj36Factors> = {
  method: 'cjj36',
  name: { zh: 'CJJ 36-2016 城镇道路养护技术规范', en: 'CJJ 36-2016 urban road maintenance specification' },
  pavements: ['asphalt', 'cement-concrete'],
  distresses: (pavement: PavementType) => CJJ36_DISTRESSES[pavement],
  needsSlabs: () => false,
  assess,
  grades: CJJ36_GRADES,
  grade: cjj36Grade,
  actions: CJJ36_ACTIONS,
  gradeSource: CJJ36_GRADE_SOURCE,
};

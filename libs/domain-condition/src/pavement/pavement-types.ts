/** The pavement condition methods Buqi computes; each road segment names the one its inspections follow. */
export const PAVEMENT_METHODS = ['cjj36', 'jtg5210', 'astm-d6433'] as const;
export type PavementMethod = (typeof PAVEMENT_METHODS)[number];

export const PAVEMENT_TYPES = ['asphalt', 'cement-concrete'] as const;
export type PavementType = (typeof PAVEMENT_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How an inspector records a distress: an area (m²), a length (m), a count (e.g. potholes), or the
 * number of slabs of a jointed concrete sample unit that show it.
 */
export const DISTRESS_UNITS = ['m2', 'm', 'count', 'slabs'] as const;
export type DistressUnit = (typeof DISTRESS_UNITS)[number];

/**
 * Urban road classes (CJJ 37 城市道路工程设计规范): CJJ 36 grades a PCI against bands that depend on
 * them. A campus road is usually a branch road (支路), its main avenue a secondary arterial.
 */
export const URBAN_ROAD_CLASSES = ['expressway', 'arterial', 'secondary-arterial', 'branch'] as const;
export type UrbanRoadClass = (typeof URBAN_ROAD_CLASSES)[number];

/** Where a figure comes from, and how sure we are of it. */
export interface SourceNote {
  /** `verified`: read in a source named in `ref`; `unverified-default`: no source could be read. */
  readonly status: 'verified' | 'unverified-default';
  /** A standard and clause, a URL, or a repository and path, precise enough to find. */
  readonly ref: string;
}

/** One distress type of a method and pavement type: what the inspection input accepts. */
export interface DistressSpec {
  /** Code used in the API, e.g. 'pothole' or 'alligator-cracking'. */
  readonly type: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: DistressUnit;
  /** The severities the type has; empty when the method grades it by extent alone. */
  readonly severities: readonly Severity[];
  /** The method's class of the distress, e.g. CJJ 36's 裂缝类. */
  readonly group?: string;
  /**
   * For a length (m) the method converts to an area: the width it counts, in m (e.g. 线裂 × 0.2 m).
   * The converted area, like a recorded one, may not exceed the inspected area.
   */
  readonly widthM?: number;
  readonly source: SourceNote;
}

/** A grade of a method's own scale, e.g. CJJ 36 'B' or JTG 5210 '良'. */
export interface PavementGrade {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
}

/** What a grade calls for, from routine care to reconstruction; the budget service picks options by it. */
export const MAINTENANCE_ACTIONS = [
  'routine',
  'minor-repair',
  'medium-repair',
  'major-repair',
  'reconstruction',
] as const;
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];

export const MAINTENANCE_ACTION_NAMES: Readonly<Record<MaintenanceAction, { zh: string; en: string }>> = {
  routine: { zh: '日常养护', en: 'routine maintenance' },
  'minor-repair': { zh: '小修', en: 'minor repair' },
  'medium-repair': { zh: '中修', en: 'medium repair' },
  'major-repair': { zh: '大修', en: 'major repair' },
  reconstruction: { zh: '改建', en: 'reconstruction' },
};

/** The distresses of one type and severity on the sample, their quantities added up. */
export interface CombinedDistress {
  readonly type: string;
  readonly severity?: Severity;
  readonly unit: DistressUnit;
  readonly quantity: number;
  /** Indexes into the inspection's `distresses` of the observations added up here. */
  readonly observations: readonly number[];
}

/** A validated inspection, as a method's `assess` receives it. */
export interface ValidSample {
  readonly pavement: PavementType;
  readonly roadClass: UrbanRoadClass;
  /** The inspected area (D6433: the sample unit's area; for jointed concrete, informative only). */
  readonly areaM2: number;
  /** D6433 jointed concrete: the slabs in the sample unit. */
  readonly slabs?: number;
  readonly distresses: readonly CombinedDistress[];
}

/**
 * What each method provides: its distress catalogue, its assessment, its own grade bands and the
 * maintenance action each grade calls for by default. The dispatcher (`pavementCondition`)
 * validates the inspection against the catalogue before `assess` sees it.
 */
export interface PavementMethodModel<F = unknown> {
  readonly method: PavementMethod;
  readonly name: { readonly zh: string; readonly en: string };
  readonly pavements: readonly PavementType[];
  distresses(pavement: PavementType): readonly DistressSpec[];
  /** Needs `slabs` (D6433 jointed concrete) for this pavement type. */
  needsSlabs(pavement: PavementType): boolean;
  /** The index, unrounded, in 0–100, and every factor that produced it. */
  assess(sample: ValidSample): { index: number; factors: F };
  /** Every grade of the scale, best first. */
  readonly grades: readonly PavementGrade[];
  /** The grade of an index (rounded as the method rounds it) on a road of the class. */
  grade(index: number, roadClass: UrbanRoadClass): PavementGrade;
  /** Grade code → action, by default; replaceable as data. */
  readonly actions: Readonly<Record<string, MaintenanceAction>>;
  /** Where the grade bands and actions come from. */
  readonly gradeSource: SourceNote;
}

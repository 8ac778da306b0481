/**
 * Public toilet classes (一类, 二类, 三类): CJJ 14 城市公共厕所设计标准 sets what each class must
 * offer (the better equipped and more prominent, the higher), GB/T 17217 the hygiene it must keep.
 */
export const RESTROOM_CLASSES = ['class-1', 'class-2', 'class-3'] as const;
export type RestroomClass = (typeof RESTROOM_CLASSES)[number];

/** The hygiene limits a restroom of a class must keep. */
export interface HygieneLimits {
  /** ammonia in the air, mg/m³ */
  nh3MgM3: number;
  /** hydrogen sulphide in the air, mg/m³ */
  h2sMgM3: number;
  /** odour intensity grade (0 none … 5 intolerable), highest allowed */
  odourGradeMax: number;
  /** adult flies counted in the toilet room, most allowed */
  adultFliesMax: number;
  /** maggots, most allowed */
  maggotsMax: number;
}

/**
 * GB/T 17217-1998 城市公共厕所卫生标准, table 城市公共厕所卫生标准值 (read in a full-text copy:
 * https://max.book118.com/html/2020/1006/5322033001003004.shtm). GB/T 17217-2021 公共厕所卫生规范
 * replaced it on 2021-10-01; its limits could not be read here (its 2013 draft dropped the classes
 * for attached vs stand-alone toilets: odour grade 1 / ≤ 2, flies ≤ 1 / ≤ 3 per m²), so the 1998
 * limits ship as the defaults until the bureau enters the 2021 ones.
 */
export const GB_T_17217_1998: Readonly<Record<RestroomClass, HygieneLimits>> = {
  'class-1': { nh3MgM3: 0.3, h2sMgM3: 0.01, odourGradeMax: 1, adultFliesMax: 0, maggotsMax: 0 },
  'class-2': { nh3MgM3: 1, h2sMgM3: 0.01, odourGradeMax: 2, adultFliesMax: 3, maggotsMax: 0 },
  'class-3': { nh3MgM3: 3, h2sMgM3: 0.01, odourGradeMax: 3, adultFliesMax: 5, maggotsMax: 0 },
};

const MOLAR_VOLUME_25C = 24.45; // litres per mole at 25 °C and 1 atm
export const MOLAR_MASS = { nh3: 17.031, h2s: 34.08 } as const;

/** A gas concentration in mg/m³ as ppm (by volume) at 25 °C: what odour sensors report. */
export function mgPerM3ToPpm(mgPerM3: number, molarMass: number): number {
  return (mgPerM3 * MOLAR_VOLUME_25C) / molarMass;
}

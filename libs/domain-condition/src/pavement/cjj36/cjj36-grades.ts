import type { MaintenanceAction, PavementGrade, SourceNote, UrbanRoadClass } from '../pavement-types';
import { CJJ36_REPRODUCTIONS as R } from './cjj36-sources';

export const CJJ36_GRADE_CODES = ['A', 'B', 'C', 'D'] as const;
export type Cjj36GradeCode = (typeof CJJ36_GRADE_CODES)[number];

export const CJJ36_GRADES: readonly PavementGrade[] = CJJ36_GRADE_CODES.map((code) => ({
  code,
  name: { zh: `${code}级`, en: `grade ${code}` },
}));

/** The lowest PCI of grades A, B and C on each road class; below C's is D. */
export const CJJ36_GRADE_BANDS: Readonly<Record<UrbanRoadClass, { A: number; B: number; C: number }>> = {
  expressway: { A: 90, B: 75, C: 65 },
  arterial: { A: 85, B: 70, C: 60 },
  'secondary-arterial': { A: 85, B: 70, C: 60 },
  branch: { A: 80, B: 65, C: 60 },
};

/**
 * A PCI exactly on a band's lower bound takes the better grade (≥). The reproductions write the
 * bands as overlapping ranges (90–100, 75–90, …), so which side a boundary falls on is Buqi's choice.
 */
export function cjj36Grade(index: number, roadClass: UrbanRoadClass): PavementGrade {
  const bands = CJJ36_GRADE_BANDS[roadClass];
  const code: Cjj36GradeCode = index >= bands.A ? 'A' : index >= bands.B ? 'B' : index >= bands.C ? 'C' : 'D';
  return CJJ36_GRADES[CJJ36_GRADE_CODES.indexOf(code)];
}

/** The standard's wording of what each grade calls for (路面养护对策), for display beside the action. */
export const CJJ36_ACTION_WORDING: Readonly<Record<Cjj36GradeCode, string>> = {
  A: '保养小修',
  B: '保养小修或中修',
  C: '中修或局部大修',
  D: '大修或改扩建工程',
};

/**
 * Default action per grade. Where the standard offers two (保养小修或中修, 中修或局部大修) the
 * lighter repair class is kept and a surveyor may escalate. For asphalt the reproduced rule also
 * reads the ride quality (RQI) grade, which a PCI alone does not have: it is decided on the PCI grade
 * alone here, as the rule for cement concrete does.
 */
export const CJJ36_ACTIONS: Readonly<Record<Cjj36GradeCode, MaintenanceAction>> = {
  A: 'routine',
  B: 'minor-repair',
  C: 'medium-repair',
  D: 'major-repair',
};

export const CJJ36_GRADE_SOURCE: SourceNote = {
  status: 'verified',
  ref: `PCI bands by road class (快速路 90/75/65, 主干路 and 次干路 85/70/60, 支路及其他 80/65/60) from SCORE_PCI ("沥青路面/水泥路面损坏状况评价标准") and actions from YANGH_STRATEGY ("路面养护对策") in ${R.pyConfig}; edition not stated, the standard's text was not read. Unverified defaults on top: a PCI on a bound takes the better grade; the asphalt rule's RQI condition is left out; 保养小修 → routine, 保养小修或中修 → minor-repair, 中修或局部大修 → medium-repair, 大修或改扩建工程 → major-repair`,
};

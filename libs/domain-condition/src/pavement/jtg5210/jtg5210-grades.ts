import type { MaintenanceAction, PavementGrade, PavementType, SourceNote } from '../pavement-types';

/** PCI = 100 − a0 · DR^a1, per pavement. */
export interface Jtg5210Parameters {
  readonly a0: number;
  readonly a1: number;
  readonly source: SourceNote;
}

export const JTG5210_PARAMETERS: Readonly<Record<PavementType, Jtg5210Parameters>> = {
  asphalt: {
    a0: 15.0,
    a1: 0.412,
    source: {
      status: 'verified',
      ref: 'JTG 5210-2018 PCI model, "a0 ——沥青路面采用 15.00; a1 ——沥青路面采用 0.412", as reproduced in a public Vue parameter page (public-code index id 165739334); the same values in 2405cwb/RoadDataProcess:UintTest/test_DrPciCalculator.cpp@d2cdba23; the standard\'s text was not read',
    },
  },
  'cement-concrete': {
    a0: 10.66,
    a1: 0.461,
    source: {
      status: 'verified',
      ref: 'comment "a0:沥青路面采用15.00，水泥混凝土路面采用10.66 / a1:沥青路面采用0.412，水泥混凝土路面采用0.461" in a public Python PCI script (public-code index id 28504265738, edition not stated); the same values in 2405cwb/RoadDataProcess:UintTest/test_DrPciCalculator.cpp@d2cdba23; the standard\'s text was not read',
    },
  },
};

export const JTG5210_GRADES: readonly PavementGrade[] = [
  { code: '优', name: { zh: '优', en: 'excellent' } },
  { code: '良', name: { zh: '良', en: 'good' } },
  { code: '中', name: { zh: '中', en: 'fair' } },
  { code: '次', name: { zh: '次', en: 'poor' } },
  { code: '差', name: { zh: '差', en: 'bad' } },
];

/** Lowest PCI of 优, 良, 中 and 次, best first; below the last is 差. A bound takes the better grade. */
export const JTG5210_GRADE_BOUNDS: readonly number[] = [90, 80, 70, 60];

/** JTG's grades do not depend on the road class: an urban class is accepted and ignored. */
export function jtg5210Grade(index: number): PavementGrade {
  const i = JTG5210_GRADE_BOUNDS.findIndex((bound) => index >= bound);
  return JTG5210_GRADES[i === -1 ? JTG5210_GRADES.length - 1 : i];
}

/** Default action per grade: Buqi's, to be replaced by the bureau's maintenance policy. */
export const JTG5210_ACTIONS: Readonly<Record<string, MaintenanceAction>> = {
  优: 'routine',
  良: 'routine',
  中: 'minor-repair',
  次: 'medium-repair',
  差: 'major-repair',
};

export const JTG5210_GRADE_SOURCE: SourceNote = {
  status: 'unverified-default',
  ref: 'no table of JTG 5210-2018 PCI grades was read. The five grades 优/良/中/次/差 with "≥" bounds are those a vendor applies to JTG 5210-2018 indices (public-code index id 69400727596, hnOutExcelMile::getPciEvaluateStr, bounds loaded from configuration); the bounds 90/80/70/60 are those the same file hard-codes for TCI and SCI (getTciEvaluate, getSciEvaluate). The actions (优/良 → routine, 中 → minor-repair, 次 → medium-repair, 差 → major-repair) are Buqi\'s default',
};

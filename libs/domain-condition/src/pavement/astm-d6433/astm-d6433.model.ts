import type { PavementMethodModel, PavementType } from '../pavement-types';
import { assessAstmD6433, type AstmD6433Factors } from './assess-sample';
import { astmDistresses } from './distress-catalogue';
import {
  ASTM_D6433_ACTIONS,
  ASTM_D6433_ACTIONS_SOURCE,
  ASTM_D6433_GRADE_SOURCE,
  ASTM_D6433_GRADES,
  astmGrade,
} from './grades';

export type { AstmD6433Factors } from './assess-sample';

/**
 * ASTM D6433 pavement condition index of one sample unit: asphalt (distresses 1–20, quantities by
 * area, length or count) or jointed concrete (21–39, counted in slabs). See docs/astm-d6433.md.
 */
export const ASTM_D6433: PavementMethodModel<AstmD6433Factors> = {
  method: 'astm-d6433',
  name: { zh: 'ASTM D6433 路面状况指数', en: 'ASTM D6433 pavement condition index' },
  pavements: ['asphalt', 'cement-concrete'],
  distresses: astmDistresses,
  needsSlabs: (pavement: PavementType) => pavement === 'cement-concrete',
  assess: assessAstmD6433,
  grades: ASTM_D6433_GRADES,
  // The rating scale is D6433's; D6433 grades every road class alike.
  grade: (index) => astmGrade(index),
  actions: ASTM_D6433_ACTIONS,
  gradeSource: {
    status: 'unverified-default',
    ref: `grade bands verified (${ASTM_D6433_GRADE_SOURCE.ref}); actions: ${ASTM_D6433_ACTIONS_SOURCE.ref}`,
  },
};

import { assetsImportStrings } from './assets-import';
import { assignStrings } from './assign';
import { financeStrings } from './finance';
import type { PageStrings } from './page-strings';
import { plansStrings } from './plans';
import { scorecardsStrings } from './scorecards';

export const PAGE_STRINGS: PageStrings[] = [
  plansStrings,
  assetsImportStrings,
  scorecardsStrings,
  assignStrings,
  financeStrings,
];

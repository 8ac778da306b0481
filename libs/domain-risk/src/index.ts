export { type Factor, type Scored } from './factor';
export { DAYS_PER_MONTH, trendPerMonth, type DatedIndex, type Trend } from './trend';
export {
  assessLikelihood,
  FULL_DECLINE_PER_MONTH,
  TREND_SHARE,
  type Likelihood,
  type LikelihoodInput,
} from './likelihood';
export { PLACE_IMPORTANCE, type PlaceImportance } from './place-importance';
export {
  AGE_CAP_DAYS,
  AGE_WEIGHT,
  ASSET_CLASS_WEIGHT,
  ASSET_CLASSES,
  assessConsequence,
  FULL_FOOTFALL_LOG10,
  SAFETY_WEIGHT,
  type AssetClass,
  type ConsequenceInput,
} from './consequence';
export { PRIORITIES, PRIORITY_THRESHOLDS, priorityForScore, SAFETY_FLOORS, type Priority } from './priority';
export { assessRisk, type RiskAssessment, type RiskInput, type RiskOptions } from './risk';

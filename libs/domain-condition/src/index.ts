// Pavement condition: one interface, three methods (docs/cjj36.md, docs/jtg5210.md, docs/astm-d6433.md).
export { PAVEMENT_MODELS, pavementCondition, pavementDistresses } from './pavement/pavement-condition';
export type {
  PavementConditionOptions,
  PavementConditionResult,
  PavementDistressObservation,
  PavementInspection,
} from './pavement/pavement-condition';
export {
  DISTRESS_UNITS,
  MAINTENANCE_ACTION_NAMES,
  MAINTENANCE_ACTIONS,
  PAVEMENT_METHODS,
  PAVEMENT_TYPES,
  SEVERITIES,
  URBAN_ROAD_CLASSES,
} from './pavement/pavement-types';
export type {
  CombinedDistress,
  DistressSpec,
  DistressUnit,
  MaintenanceAction,
  PavementGrade,
  PavementMethod,
  PavementMethodModel,
  PavementType,
  Severity,
  SourceNote,
  UrbanRoadClass,
  ValidSample,
} from './pavement/pavement-types';

export { CJJ36 } from './pavement/cjj36/cjj36.model';
export type { Cjj36ClassFactor, Cjj36Factors, Cjj36ItemFactor } from './pavement/cjj36/cjj36.model';
export { CJJ36_DISTRESSES, CJJ36_CLASSES } from './pavement/cjj36/cjj36-catalogue';
export { CJJ36_DEDUCT_TABLES, cjj36Deduct } from './pavement/cjj36/cjj36-deduct-tables';
export { cjj36Weight, cjj36IndexFromClassDeducts } from './pavement/cjj36/cjj36-weighting';
export { CJJ36_ACTIONS, CJJ36_GRADE_BANDS, CJJ36_GRADES, cjj36Grade } from './pavement/cjj36/cjj36-grades';

export { JTG5210 } from './pavement/jtg5210/jtg5210.model';
export type { Jtg5210Factors, Jtg5210ItemFactor } from './pavement/jtg5210/jtg5210.model';
export { JTG5210_DISTRESSES, JTG5210_WEIGHTS } from './pavement/jtg5210/jtg5210-catalogue';
export { JTG5210_PARAMETERS } from './pavement/jtg5210/jtg5210-grades';
export {
  JTG5210_ACTIONS,
  JTG5210_GRADE_BOUNDS,
  JTG5210_GRADES,
  jtg5210Grade,
} from './pavement/jtg5210/jtg5210-grades';

export { ASTM_D6433 } from './pavement/astm-d6433/astm-d6433.model';
export type { AstmD6433Factors, AstmDeductFactor } from './pavement/astm-d6433/assess-sample';
export {
  ASTM_D6433_ASPHALT_DISTRESSES,
  ASTM_D6433_CONCRETE_DISTRESSES,
} from './pavement/astm-d6433/distress-catalogue';
export type { AstmDistressSpec } from './pavement/astm-d6433/distress-catalogue';
export { ASTM_D6433_ASPHALT_DEDUCT_CURVES } from './pavement/astm-d6433/curves/asphalt-deduct-curves';
export { ASTM_D6433_CONCRETE_DEDUCT_CURVES } from './pavement/astm-d6433/curves/concrete-deduct-curves';
export type { DeductCurveData, DeductRowKey } from './pavement/astm-d6433/curves/deduct-curve';
export {
  ASTM_D6433_ASPHALT_CDV_CURVES,
  ASTM_D6433_CONCRETE_CDV_CURVES,
} from './pavement/astm-d6433/curves/corrected-deduct-curves';
export type { CdvCurveSet } from './pavement/astm-d6433/curves/corrected-deduct-curves';
export type { CurvePoints } from './shared/interpolate';
export {
  allowableDeducts,
  correctedDeduct,
  maxCorrectedDeduct,
} from './pavement/astm-d6433/corrected-deduct';
export type {
  CdvIteration,
  CdvProcedure,
  CorrectedDeductResult,
} from './pavement/astm-d6433/corrected-deduct';
export { ASTM_D6433_CHART_DENSITY_FACTOR } from './pavement/astm-d6433/density';
export { ASTM_D6433_JOINT_SEAL_DEDUCTS } from './pavement/astm-d6433/joint-seal';
export {
  ASTM_D6433_ACTIONS,
  ASTM_D6433_GRADE_FLOORS,
  ASTM_D6433_GRADES,
  astmGrade,
} from './pavement/astm-d6433/grades';

export { DEFAULT_DUST_STANDARDS, DUST_CLASSES, DUST_SAMPLING, dustClassOf, dustLoad } from './dust/dust-load';
export type {
  DustClass,
  DustLoadInput,
  DustLoadResult,
  DustSample,
  DustSampleFactor,
} from './dust/dust-load';

export {
  DEFAULT_RESTROOM_STANDARDS,
  FIXTURE_KINDS,
  RESTROOM_FACTORS,
  restroomStandardsForClass,
} from './restroom/restroom-standards';
export { GB_T_17217_1998, MOLAR_MASS, mgPerM3ToPpm, RESTROOM_CLASSES } from './restroom/hygiene-standards';
export type { HygieneLimits, RestroomClass } from './restroom/hygiene-standards';
export { restroomHygiene } from './restroom/restroom-hygiene';
export type { HygieneCheck, HygieneMeasurement, HygieneResult } from './restroom/restroom-hygiene';
export type {
  FixtureKind,
  GasThreshold,
  RestroomFactorName,
  RestroomStandards,
} from './restroom/restroom-standards';
export { restroomCondition } from './restroom/restroom-condition';
export type {
  FixtureCount,
  RestroomConditionResult,
  RestroomInspection,
} from './restroom/restroom-condition';

export { DEFAULT_DEVICE_STANDARDS, DEVICE_FACTORS, SIGNAL_QUALITIES } from './device/device-standards';
export type { DeviceFactorName, DeviceStandards, Ramp, SignalQuality } from './device/device-standards';
export { deviceCondition } from './device/device-condition';
export type { DeviceConditionResult, DeviceStatus } from './device/device-condition';

export type { Scored } from './shared/score';

export { DISTRESS_TYPES, DISTRESS_UNITS, SEVERITIES } from './road/distress-types';
export type { DistressType, DistressUnit, Severity } from './road/distress-types';
export { DEDUCT_CURVES } from './road/deduct-curves';
export { CORRECTED_DEDUCT_CURVES } from './road/corrected-deduct-curves';
export type { CurvePoints } from './road/interpolate';
export { allowableDeducts, maxCorrectedDeduct } from './road/corrected-deduct';
export type { CdvIteration, CdvProcedure, CorrectedDeductResult } from './road/corrected-deduct';
export { PCI_RATINGS, pciRating } from './road/rating';
export type { PciRating } from './road/rating';
export { pavementConditionIndex } from './road/pci';
export type { DistressFactor, DistressObservation, PavementSample, PciResult } from './road/pci';

export { DEFAULT_DUST_STANDARDS, dustLoad, ROAD_CLASSES } from './dust/dust-load';
export type {
  DustLoadInput,
  DustLoadResult,
  DustSample,
  DustSampleFactor,
  RoadClass,
} from './dust/dust-load';

export { DEFAULT_RESTROOM_STANDARDS, FIXTURE_KINDS, RESTROOM_FACTORS } from './restroom/restroom-standards';
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

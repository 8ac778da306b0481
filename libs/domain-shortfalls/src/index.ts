export {
  ASSET_CLASSES,
  evidenceLines,
  SEVERITIES,
  SHORTFALL_KINDS,
  type AssetClass,
  type Finding,
  type Severity,
  type ShortfallKind,
} from './finding';
export {
  CONDITION_STANDARDS,
  DUST_LOAD_STANDARD,
  type QualityStandard,
  type SeverityBand,
} from './quality-standards';
export {
  checkConditionIndex,
  checkQualityStandard,
  validateStandard,
  type BelowQualityStandardFinding,
  type ConditionCheckInput,
  type QualityCheckInput,
} from './quality-standard-rule';
export { readingSeries, type ReadingSeries, type SensorReading } from './sensor-readings';
export {
  evaluateSensorWindow,
  exceedsThreshold,
  type SensorThresholdFinding,
  type SensorWindowRule,
} from './sensor-window-rule';
export {
  checkDeviceOffline,
  DEVICE_CRITICALITIES,
  findOfflineDevices,
  type DeviceCriticality,
  type DeviceHeartbeat,
  type DeviceOfflineFinding,
  type OfflineOptions,
} from './device-offline-rule';
export {
  MONITORING_REQUIREMENTS,
  PLACE_KINDS,
  type MonitoringRequirement,
  type PlaceKind,
} from './monitoring-requirements';
export {
  DEVICE_STATUSES,
  findCoverageGaps,
  type CoverageGapFinding,
  type CoverageInput,
  type DeviceStatus,
  type InstalledDevice,
  type Place,
} from './coverage-gap-rule';

import type { StoredAsset } from '../assets/persistence/asset.repository';

/** A device's condition from its telemetry, with the factors `deviceCondition` gave. */
export interface TelemetryCondition {
  /** 0–100 */
  index: number;
  factors: object;
  at: Date;
}

/**
 * Where a device's condition from telemetry joins its history and becomes the asset's latest
 * condition (asset.state.v1), as an inspection's does. Provided by the inspections slice, which owns
 * condition history. Recording the same condition again (a retried sweep) changes nothing.
 */
export interface DeviceConditionHistory {
  record(device: StoredAsset, condition: TelemetryCondition): Promise<void>;
}

export const DEVICE_CONDITION_HISTORY = Symbol('DEVICE_CONDITION_HISTORY');

import type { StoredAsset } from '../assets/persistence/asset.repository';
import type { StoredReading } from '../telemetry/readings.port';

/** An asset's condition, as an inspection or a device's telemetry assessed it. */
export interface ConditionAssessed {
  asset: StoredAsset;
  /** 0–100; absent when only a dust load was measured on a road never scored. */
  index?: number;
  grade?: string;
  /** The maintenance action the condition calls for (a road's pavement grade gives one). */
  action?: string;
  /** e.g. `inspection insp-2041`, quoted in a shortfall's evidence. */
  source: string;
  /** The damaged quantity and its unit, what budgeting costs a remedy by (e.g. 12.5 m² of potholes). */
  damage?: { quantity: number; unit: string };
  /** A road's measured dust load against its limit (以克论净). */
  dustLoad?: { loadGPerM2: number; standardGPerM2: number };
  at: Date;
}

/**
 * What the inspection and telemetry slices tell the shortfall rules, after their own writes. Calls
 * are repeatable: a rule re-evaluates the state it is given, so a call made again after a crash or a
 * redelivery opens nothing twice. The shortfalls slice provides it under SHORTFALL_SIGNALS; a slice
 * calls it only if it is provided.
 */
export interface ShortfallSignals {
  conditionAssessed(signal: ConditionAssessed): Promise<void>;
  /** A device stored these readings (duplicates included: the call is made whatever was new). */
  readingsStored(signal: {
    device: StoredAsset;
    readings: readonly StoredReading[];
    at: Date;
  }): Promise<void>;
  /** A device went offline (silent past its interval × the factor) or reported again. */
  deviceStatusChanged(signal: {
    device: StoredAsset;
    online: boolean;
    lastSeenAt?: Date;
    at: Date;
  }): Promise<void>;
}

export const SHORTFALL_SIGNALS = Symbol('SHORTFALL_SIGNALS');

/** One stored reading of a device. */
export interface StoredReading {
  metric: string;
  value: number;
  unit: string;
  /** When the device measured it. */
  at: Date;
}

/**
 * The readings a device has stored, for the sensor rules and charts. Provided by the telemetry slice
 * under READINGS; readings come back in time order, one per (metric, time).
 */
export interface Readings {
  series(deviceId: string, metric: string, from: Date, to: Date): Promise<StoredReading[]>;
}

export const READINGS = Symbol('READINGS');

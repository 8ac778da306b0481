/**
 * When a device was last calibrated, from what another slice records (an inspection of the device's
 * calibration), provided by the inspections slice. With none on record, a device's calibration is
 * counted from its installation.
 */
export interface DeviceCalibrations {
  lastCalibratedAt(deviceId: string): Promise<Date | undefined>;
}

export const DEVICE_CALIBRATIONS = Symbol('DEVICE_CALIBRATIONS');

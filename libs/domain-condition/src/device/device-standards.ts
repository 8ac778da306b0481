import { DomainValidationError, finite, positive, record } from '@buqi/domain-kernel';

export const DEVICE_FACTORS = ['uptime', 'battery', 'signal', 'calibration'] as const;
export type DeviceFactorName = (typeof DEVICE_FACTORS)[number];

export const SIGNAL_QUALITIES = ['excellent', 'good', 'fair', 'poor'] as const;
export type SignalQuality = (typeof SIGNAL_QUALITIES)[number];

/** A straight-line sub-score: 0 at `zeroAt`, 100 at `fullAt`. */
export interface Ramp {
  zeroAt: number;
  fullAt: number;
}

export interface DeviceStandards {
  /** weight of each factor; normalised over the factors that apply to the device */
  weights: Readonly<Record<DeviceFactorName, number>>;
  /** uptime % over the window */
  uptimePct: Ramp;
  batteryPct: Ramp;
  signalDbm: Ramp;
  /** the weakest signal (dBm) still counted as excellent, good and fair; below fair it is poor */
  signalQualityFloors: { excellent: number; good: number; fair: number };
  /** calibration scores 100 up to its interval and reaches 0 at this multiple of it */
  calibrationZeroAtMultiple: number;
}

/**
 * Defaults. The signal ramp and quality floors follow the usual reading of cellular (LTE/NB-IoT)
 * RSSI: −70 dBm or better is excellent, below −100 dBm is poor. The rest are Buqi's defaults.
 */
export const DEFAULT_DEVICE_STANDARDS: DeviceStandards = {
  weights: { uptime: 0.4, battery: 0.2, signal: 0.15, calibration: 0.25 },
  uptimePct: { zeroAt: 80, fullAt: 99 },
  batteryPct: { zeroAt: 10, fullAt: 50 },
  signalDbm: { zeroAt: -110, fullAt: -70 },
  signalQualityFloors: { excellent: -70, good: -85, fair: -100 },
  calibrationZeroAtMultiple: 2,
};

function ramp(field: string, value: unknown): Ramp {
  const o = record(field, value);
  const zeroAt = finite(`${field}.zeroAt`, o['zeroAt']);
  const fullAt = finite(`${field}.fullAt`, o['fullAt']);
  if (fullAt <= zeroAt) throw new DomainValidationError(`${field}.fullAt`, fullAt, 'must be above zeroAt');
  return { zeroAt, fullAt };
}

export function validDeviceStandards(value: unknown): DeviceStandards {
  const o = record('standards', value);
  const w = record('standards.weights', o['weights']);
  const weights = {} as Record<DeviceFactorName, number>;
  for (const k of DEVICE_FACTORS) weights[k] = finite(`standards.weights.${k}`, w[k], { min: 0 });
  if (weights.uptime === 0) {
    throw new DomainValidationError(
      'standards.weights.uptime',
      0,
      'must be above 0: every device has an uptime',
    );
  }
  const q = record('standards.signalQualityFloors', o['signalQualityFloors']);
  const excellent = finite('standards.signalQualityFloors.excellent', q['excellent']);
  const good = finite('standards.signalQualityFloors.good', q['good'], { max: excellent });
  const fair = finite('standards.signalQualityFloors.fair', q['fair'], { max: good });
  const multiple = positive('standards.calibrationZeroAtMultiple', o['calibrationZeroAtMultiple']);
  if (multiple <= 1) {
    throw new DomainValidationError('standards.calibrationZeroAtMultiple', multiple, 'must be above 1');
  }
  return {
    weights,
    uptimePct: ramp('standards.uptimePct', o['uptimePct']),
    batteryPct: ramp('standards.batteryPct', o['batteryPct']),
    signalDbm: ramp('standards.signalDbm', o['signalDbm']),
    signalQualityFloors: { excellent, good, fair },
    calibrationZeroAtMultiple: multiple,
  };
}

import { DomainValidationError, finite, oneOf, positive, record, validDate } from '@buqi/domain-kernel';
import { linearScore, weightedIndex, type Scored } from '../shared/score';
import {
  DEFAULT_DEVICE_STANDARDS,
  validDeviceStandards,
  type DeviceFactorName,
  type DeviceStandards,
  type SignalQuality,
} from './device-standards';

const DAY_MS = 86_400_000;

export interface DeviceStatus {
  power: 'battery' | 'mains';
  link: 'wireless' | 'wired';
  /** minutes the device was seen online within the window (from its heartbeats) */
  uptime: { onlineMinutes: number; windowMinutes: number };
  /** required for battery power; for a mains device, a backup battery's charge if it has one */
  batteryPct?: number | null;
  /** required for a wireless link; for a wired device, omit */
  signalDbm?: number | null;
  /** null for a device that needs no calibration (a camera) */
  calibration: { lastCalibratedAt: Date; intervalDays: number; asOf: Date } | null;
}

export interface DeviceConditionResult {
  /** 0–100, one decimal place */
  index: number;
  /** factors that do not apply to this device are null and carry no weight */
  factors: {
    uptime: Scored & { uptimePct: number; onlineMinutes: number; windowMinutes: number };
    battery: (Scored & { batteryPct: number }) | null;
    signal: (Scored & { signalDbm: number; quality: SignalQuality }) | null;
    calibration: (Scored & { ageDays: number; intervalDays: number; overdue: boolean }) | null;
  };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function uptimeOf(value: unknown, s: DeviceStandards) {
  const u = record('uptime', value);
  const windowMinutes = positive('uptime.windowMinutes', u['windowMinutes']);
  const onlineMinutes = finite('uptime.onlineMinutes', u['onlineMinutes'], { min: 0, max: windowMinutes });
  const uptimePct = (100 * onlineMinutes) / windowMinutes;
  return {
    subScore: linearScore(uptimePct, s.uptimePct.zeroAt, s.uptimePct.fullAt),
    uptimePct,
    onlineMinutes,
    windowMinutes,
  };
}

function batteryOf(value: unknown, power: DeviceStatus['power'], s: DeviceStandards) {
  if (!present(value)) {
    if (power === 'battery')
      throw new DomainValidationError('batteryPct', value, 'is required for a battery device');
    return null;
  }
  const batteryPct = finite('batteryPct', value, { min: 0, max: 100 });
  return { subScore: linearScore(batteryPct, s.batteryPct.zeroAt, s.batteryPct.fullAt), batteryPct };
}

function qualityOf(dbm: number, s: DeviceStandards): SignalQuality {
  const floors = s.signalQualityFloors;
  if (dbm >= floors.excellent) return 'excellent';
  if (dbm >= floors.good) return 'good';
  return dbm >= floors.fair ? 'fair' : 'poor';
}

function signalOf(value: unknown, link: DeviceStatus['link'], s: DeviceStandards) {
  if (!present(value)) {
    if (link === 'wireless')
      throw new DomainValidationError('signalDbm', value, 'is required for a wireless device');
    return null;
  }
  const signalDbm = finite('signalDbm', value, { min: -150, max: 0 });
  return {
    subScore: linearScore(signalDbm, s.signalDbm.zeroAt, s.signalDbm.fullAt),
    signalDbm,
    quality: qualityOf(signalDbm, s),
  };
}

function calibrationOf(value: unknown, s: DeviceStandards) {
  if (value === null) return null;
  const c = record('calibration', value);
  const last = validDate('calibration.lastCalibratedAt', c['lastCalibratedAt']);
  const asOf = validDate('calibration.asOf', c['asOf']);
  const intervalDays = positive('calibration.intervalDays', c['intervalDays']);
  const ageDays = (asOf.getTime() - last.getTime()) / DAY_MS;
  if (ageDays < 0) {
    throw new DomainValidationError(
      'calibration.lastCalibratedAt',
      last,
      'must not be after calibration.asOf',
    );
  }
  const ratio = ageDays / intervalDays;
  if (!Number.isFinite(ratio)) {
    throw new DomainValidationError(
      'calibration.intervalDays',
      intervalDays,
      'is too small to measure age against',
    );
  }
  // Full marks while within the interval, then a straight fall to 0 at the configured multiple of it.
  const subScore = ratio <= 1 ? 100 : linearScore(ratio, s.calibrationZeroAtMultiple, 1);
  return { subScore, ageDays, intervalDays, overdue: ratio > 1 };
}

/**
 * Monitoring-device condition, 0–100: uptime over a window, battery, signal strength and calibration
 * age, weighted; battery and signal count only where they apply (battery power, wireless link).
 */
export function deviceCondition(
  status: DeviceStatus,
  standards: DeviceStandards = DEFAULT_DEVICE_STANDARDS,
): DeviceConditionResult {
  const s = validDeviceStandards(standards);
  const d = record('status', status);
  const power = oneOf('power', d['power'], ['battery', 'mains'] as const);
  const link = oneOf('link', d['link'], ['wireless', 'wired'] as const);
  const uptime = uptimeOf(d['uptime'], s);
  const battery = batteryOf(d['batteryPct'], power, s);
  const signal = signalOf(d['signalDbm'], link, s);
  if (d['calibration'] === undefined) {
    throw new DomainValidationError(
      'calibration',
      undefined,
      'must be given, or null for a device without one',
    );
  }
  const calibration = calibrationOf(d['calibration'], s);
  const parts: Partial<Record<DeviceFactorName, { subScore: number; weight: number }>> = {
    uptime: { subScore: uptime.subScore, weight: s.weights.uptime },
  };
  if (battery) parts.battery = { subScore: battery.subScore, weight: s.weights.battery };
  if (signal) parts.signal = { subScore: signal.subScore, weight: s.weights.signal };
  if (calibration) parts.calibration = { subScore: calibration.subScore, weight: s.weights.calibration };
  const { index, scored } = weightedIndex(
    parts as Record<DeviceFactorName, { subScore: number; weight: number }>,
  );
  return {
    index,
    factors: {
      uptime: { ...uptime, ...scored.uptime },
      battery: battery && { ...battery, ...scored.battery },
      signal: signal && { ...signal, ...scored.signal },
      calibration: calibration && { ...calibration, ...scored.calibration },
    },
  };
}

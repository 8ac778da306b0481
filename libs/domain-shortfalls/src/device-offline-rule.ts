import {
  array,
  DomainValidationError,
  finite,
  oneOf,
  positive,
  record,
  text,
  validDate,
} from '@buqi/domain-kernel';
import { evidenceLines, severityAt, type Finding } from './finding';
import { duration, iso, MINUTE_MS, num } from './format';
import { at } from './input';

export const DEVICE_CRITICALITIES = ['low', 'normal', 'safety-critical'] as const;
export type DeviceCriticality = (typeof DEVICE_CRITICALITIES)[number];

export interface DeviceHeartbeat {
  readonly deviceId: string;
  /** When the platform last heard from the device (its receive time); absent if never. */
  readonly lastHeartbeatAt?: Date;
  /** Where silence is counted from when the device never reported. */
  readonly installedAt?: Date;
  readonly reportingIntervalMinutes: number;
  /** Silence beyond interval × factor is offline; default 3. */
  readonly offlineFactor?: number;
  /** Default `normal`. */
  readonly criticality?: DeviceCriticality;
}

export interface OfflineOptions {
  /** How far a timestamp may lie after `now` and still count as `now` (clocks of two servers); default 5. */
  readonly clockSkewToleranceMinutes?: number;
}

export interface DeviceOfflineFinding extends Finding<'device-offline'> {
  readonly deviceId: string;
  readonly silentSince: Date;
  readonly neverReported: boolean;
  readonly silentMinutes: number;
  readonly allowedSilenceMinutes: number;
  readonly criticality: DeviceCriticality;
}

const DEFAULT_FACTOR = 3;
const DEFAULT_SKEW_MINUTES = 5;
/** Silence of up to 1 h, 1 day, 7 days: minor, moderate, major; longer: critical (before criticality). */
const SILENCE_STEPS_MINUTES = [60, 1440, 10_080];
const CRITICALITY_SHIFT: Readonly<Record<DeviceCriticality, number>> = {
  low: -1,
  normal: 0,
  'safety-critical': 1,
};

/**
 * A device is offline when, at `now`, it has been silent for longer than its reporting interval
 * times the factor. Silence is counted from the last heartbeat, or from installation if it never
 * reported. A timestamp after `now` within the skew tolerance counts as `now`; beyond it, it is
 * refused as bad input, because a heartbeat from the future means a device clock was used where the
 * platform's receive time belongs, and no silence can be measured from it.
 */
export function checkDeviceOffline(
  device: DeviceHeartbeat,
  now: Date,
  options: OfflineOptions = {},
): DeviceOfflineFinding[] {
  validDate('now', now);
  return check(device, 'device', now, skewTolerance(options));
}

/** `checkDeviceOffline` over a fleet; bad input is named by its index, e.g. `devices[4].reportingIntervalMinutes`. */
export function findOfflineDevices(
  devices: readonly DeviceHeartbeat[],
  now: Date,
  options: OfflineOptions = {},
): DeviceOfflineFinding[] {
  validDate('now', now);
  const tolerance = skewTolerance(options);
  return array<unknown>('devices', devices).flatMap((d, n) => check(d, `devices[${n}]`, now, tolerance));
}

function skewTolerance(options: unknown): number {
  const o = record('options', options);
  const value = o['clockSkewToleranceMinutes'];
  return value === undefined
    ? DEFAULT_SKEW_MINUTES
    : finite('options.clockSkewToleranceMinutes', value, { min: 0 });
}

function check(value: unknown, path: string, now: Date, toleranceMinutes: number): DeviceOfflineFinding[] {
  const d = record(path, value);
  const deviceId = text(at(path, 'deviceId'), d['deviceId'], 100);
  const interval = positive(at(path, 'reportingIntervalMinutes'), d['reportingIntervalMinutes']);
  const factor =
    d['offlineFactor'] === undefined
      ? DEFAULT_FACTOR
      : finite(at(path, 'offlineFactor'), d['offlineFactor'], { min: 1 });
  const criticality =
    d['criticality'] === undefined
      ? 'normal'
      : oneOf(at(path, 'criticality'), d['criticality'], DEVICE_CRITICALITIES);
  const neverReported = d['lastHeartbeatAt'] === undefined;
  const field = at(path, neverReported ? 'installedAt' : 'lastHeartbeatAt');
  if (neverReported && d['installedAt'] === undefined) {
    throw new DomainValidationError(field, undefined, 'is required when the device has no heartbeat');
  }
  const since = validDate(field, neverReported ? d['installedAt'] : d['lastHeartbeatAt']);
  const aheadMinutes = (since.getTime() - now.getTime()) / MINUTE_MS;
  if (aheadMinutes > toleranceMinutes) {
    throw new DomainValidationError(
      field,
      since.toISOString(),
      `is ${num(aheadMinutes)} min after now (${iso(now)}), beyond the ${num(toleranceMinutes)}-min clock-skew tolerance`,
    );
  }
  const silentMinutes = Math.max(0, -aheadMinutes);
  const allowed = interval * factor;
  if (silentMinutes <= allowed) return [];

  const silenceLevel = SILENCE_STEPS_MINUTES.filter((step) => silentMinutes > step).length;
  const shift = CRITICALITY_SHIFT[criticality];
  const severity = severityAt(silenceLevel + shift);
  const heard = neverReported
    ? `never reported since installation at ${iso(since)}`
    : `last heartbeat ${iso(since)}`;
  return [
    {
      kind: 'device-offline',
      severity,
      evidence: evidenceLines([
        `${deviceId} silent for ${duration(silentMinutes)} at ${iso(now)} (${heard})`,
        `allowed silence ${duration(allowed)} = reporting interval ${num(interval)} min × ${num(factor)}`,
        `severity ${severity}: silence level ${silenceLevel} (steps over 1 h, 1 d, 7 d) ` +
          `${shift >= 0 ? '+' : '−'} ${Math.abs(shift)} for a ${criticality} device`,
      ]),
      deviceId,
      silentSince: since,
      neverReported,
      silentMinutes,
      allowedSilenceMinutes: allowed,
      criticality,
    },
  ];
}

import { deviceCondition, type DeviceConditionResult } from '@buqi/domain-condition';
import { checkDeviceOffline, type DeviceCriticality } from '@buqi/domain-shortfalls';
import type { DeviceKind } from '../../assets/domain/asset';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Uptime is measured over the last week (or since the device could first report, if later). */
export const UPTIME_WINDOW_MS = 7 * DAY_MS;

/** What the heartbeat sweep knows of a device from the inventory. */
export interface SweptDevice {
  readonly code: string;
  readonly kind: DeviceKind;
  readonly reportingIntervalSeconds: number;
  readonly power: 'battery' | 'mains';
  readonly link: 'wired' | 'wireless';
  /** 1–5, as on the asset */
  readonly criticality: number;
  /** YYYY-MM-DD */
  readonly installedOn: string;
  /** When it was registered: it cannot have reported before it had a key. */
  readonly registeredAt: Date;
}

/** A stretch the device was offline: from the first report it missed until it reported again. */
export interface Outage {
  readonly from: Date;
  readonly to?: Date;
}

/** What telemetry has recorded of a device. */
export interface Presence {
  /** Absent until the device first reports or is first found silent. */
  readonly online?: boolean;
  readonly lastSeenAt?: Date;
  readonly statusChangedAt?: Date;
  readonly outages: readonly Outage[];
  readonly batteryPct?: number;
  readonly signalDbm?: number;
}

export interface SweepRules {
  readonly offlineFactor: number;
  readonly clockSkewMinutes: number;
}

/** Where silence is counted from when the device never reported: the later of installation and registration. */
export function silenceOrigin(device: Pick<SweptDevice, 'installedOn' | 'registeredAt'>): Date {
  const installed = Date.parse(`${device.installedOn}T00:00:00Z`);
  return new Date(Math.max(installed, device.registeredAt.getTime()));
}

export function criticalityOf(criticality: number): DeviceCriticality {
  return criticality >= 5 ? 'safety-critical' : criticality <= 2 ? 'low' : 'normal';
}

/**
 * What the sweep must change: `offline` when the device has been silent past its interval × the
 * factor (the shortfall rule `checkDeviceOffline` decides) and is not already marked so; `online`
 * when it is marked offline but has reported since (a batch that raced the sweep left it so).
 * Throws the rule's DomainValidationError for a last-seen time from the future.
 */
export function presenceChange(
  device: SweptDevice,
  presence: Presence | undefined,
  now: Date,
  rules: SweepRules,
): 'offline' | 'online' | undefined {
  const findings = checkDeviceOffline(
    {
      deviceId: device.code,
      ...(presence?.lastSeenAt && { lastHeartbeatAt: presence.lastSeenAt }),
      installedAt: silenceOrigin(device),
      reportingIntervalMinutes: device.reportingIntervalSeconds / 60,
      offlineFactor: rules.offlineFactor,
      criticality: criticalityOf(device.criticality),
    },
    now,
    { clockSkewToleranceMinutes: rules.clockSkewMinutes },
  );
  if (findings.length > 0) return presence?.online === false ? undefined : 'offline';
  const reportedSince =
    presence?.lastSeenAt !== undefined &&
    (presence.statusChangedAt === undefined || presence.lastSeenAt > presence.statusChangedAt);
  return presence?.online === false && reportedSince ? 'online' : undefined;
}

/** The outage a device found silent starts at the first report it missed. */
export function outageStart(device: SweptDevice, lastSeenAt: Date | undefined): Date {
  const since = lastSeenAt ?? silenceOrigin(device);
  return new Date(since.getTime() + (lastSeenAt ? device.reportingIntervalSeconds * 1000 : 0));
}

/** Outages with the open one closed at `at`, dropping those that ended before the uptime window. */
export function closeOutage(outages: readonly Outage[], at: Date): Outage[] {
  return keepRecent(
    outages.map((o) => (o.to ? o : { from: o.from, to: at })),
    at,
  );
}

export function openOutage(outages: readonly Outage[], from: Date, now: Date): Outage[] {
  return [...keepRecent(outages, now), { from }];
}

function keepRecent(outages: readonly Outage[], now: Date): Outage[] {
  const horizon = now.getTime() - UPTIME_WINDOW_MS;
  return outages.filter((o) => o.to === undefined || o.to.getTime() > horizon);
}

/** Minutes online within the window from `start` to `now`: the window less the outages in it. */
export function uptimeOf(outages: readonly Outage[], start: Date, now: Date) {
  const from = start.getTime();
  const to = now.getTime();
  const offline = outages.reduce((sum, o) => {
    const a = Math.max(o.from.getTime(), from);
    const b = Math.min((o.to ?? now).getTime(), to);
    return sum + Math.max(0, b - a);
  }, 0);
  return {
    onlineMinutes: Math.max(0, to - from - offline) / MINUTE_MS,
    windowMinutes: (to - from) / MINUTE_MS,
  };
}

/**
 * How often a kind must be calibrated, in days; null for kinds that need none. Unverified defaults:
 * electrochemical NH3/H2S cells drift within months (vendors ask for 6-monthly calibration), an
 * air-quality or smoke sensor is checked yearly; leak, occupancy sensors and cameras need none.
 */
export const CALIBRATION_INTERVAL_DAYS: Readonly<Record<DeviceKind, number | null>> = {
  'nh3-sensor': 180,
  'h2s-sensor': 180,
  'air-quality-sensor': 365,
  'smoke-detector': 365,
  'water-leak-sensor': null,
  'occupancy-sensor': null,
  camera: null,
};

/**
 * The device's condition index from its telemetry (`deviceCondition`): uptime over the last week,
 * the last battery and signal it reported, and its calibration's age — counted from installation
 * when no calibration is on record; with the factors. Undefined while it lacks what its power or
 * link requires (a battery device that never sent its charge).
 */
export function telemetryCondition(
  device: SweptDevice,
  presence: Presence,
  lastCalibratedAt: Date | undefined,
  now: Date,
): DeviceConditionResult | undefined {
  if (device.power === 'battery' && presence.batteryPct === undefined) return undefined;
  if (device.link === 'wireless' && presence.signalDbm === undefined) return undefined;
  const start = new Date(Math.max(silenceOrigin(device).getTime(), now.getTime() - UPTIME_WINDOW_MS));
  const uptime = uptimeOf(presence.outages, start, now);
  if (uptime.windowMinutes <= 0) return undefined;
  const intervalDays = CALIBRATION_INTERVAL_DAYS[device.kind];
  const calibrated = lastCalibratedAt ?? new Date(`${device.installedOn}T00:00:00Z`);
  return deviceCondition({
    power: device.power,
    link: device.link,
    uptime,
    ...(presence.batteryPct !== undefined && { batteryPct: presence.batteryPct }),
    ...(device.link === 'wireless' && { signalDbm: presence.signalDbm }),
    calibration:
      intervalDays === null
        ? null
        : {
            lastCalibratedAt: calibrated.getTime() > now.getTime() ? now : calibrated,
            intervalDays,
            asOf: now,
          },
  });
}

/** A condition is told to the shortfall rules when it is new or has moved by a point or more. */
export function conditionMoved(previous: number | undefined, next: number): boolean {
  return previous === undefined || Math.abs(next - previous) >= 1;
}

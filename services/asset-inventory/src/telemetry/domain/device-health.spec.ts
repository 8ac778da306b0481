import { DomainValidationError } from '@buqi/domain-kernel';
import {
  closeOutage,
  conditionMoved,
  openOutage,
  outageStart,
  presenceChange,
  telemetryCondition,
  uptimeOf,
  type Presence,
  type SweptDevice,
} from './device-health';

const device: SweptDevice = {
  code: 'NY-DV-001',
  kind: 'nh3-sensor',
  reportingIntervalSeconds: 300,
  power: 'battery',
  link: 'wireless',
  criticality: 3,
  installedOn: '2026-01-01',
  registeredAt: new Date('2026-02-01T00:00:00Z'),
};
const rules = { offlineFactor: 3, clockSkewMinutes: 5 };
const at = (iso: string) => new Date(iso);
const online: Presence = { online: true, lastSeenAt: at('2026-03-02T08:00:00Z'), outages: [] };

describe('presenceChange', () => {
  it('marks a device offline once silent past its interval × the factor, not at the limit', () => {
    // 5 min × 3 = 15 min allowed.
    expect(presenceChange(device, online, at('2026-03-02T08:15:00Z'), rules)).toBeUndefined();
    expect(presenceChange(device, online, at('2026-03-02T08:15:01Z'), rules)).toBe('offline');
  });

  it('does not mark it twice', () => {
    const offline = { ...online, online: false, statusChangedAt: at('2026-03-02T08:16:00Z') };
    expect(presenceChange(device, offline, at('2026-03-02T09:00:00Z'), rules)).toBeUndefined();
  });

  it('counts silence from registration for a device that never reported', () => {
    expect(presenceChange(device, undefined, at('2026-02-01T00:15:00Z'), rules)).toBeUndefined();
    expect(presenceChange(device, undefined, at('2026-02-01T00:15:01Z'), rules)).toBe('offline');
  });

  it('brings back a device marked offline that has reported since', () => {
    const raced = {
      online: false,
      lastSeenAt: at('2026-03-02T08:20:00Z'),
      statusChangedAt: at('2026-03-02T08:16:00Z'),
      outages: [],
    };
    expect(presenceChange(device, raced, at('2026-03-02T08:21:00Z'), rules)).toBe('online');
    // Not one whose interval was merely lengthened: it has not reported since it was marked.
    const stale = { ...raced, lastSeenAt: at('2026-03-02T08:00:00Z') };
    expect(
      presenceChange({ ...device, reportingIntervalSeconds: 3600 }, stale, at('2026-03-02T08:21:00Z'), rules),
    ).toBeUndefined();
  });

  it('refuses a last-seen time from the future, beyond the skew', () => {
    expect(() =>
      presenceChange(
        device,
        { ...online, lastSeenAt: at('2026-03-02T09:00:00Z') },
        at('2026-03-02T08:00:00Z'),
        rules,
      ),
    ).toThrow(DomainValidationError);
  });
});

describe('outages and uptime', () => {
  it('starts an outage at the first report missed, ends it when the device is back', () => {
    const from = outageStart(device, at('2026-03-02T08:00:00Z'));
    expect(from).toEqual(at('2026-03-02T08:05:00Z'));
    const outages = closeOutage(openOutage([], from, at('2026-03-02T08:16:00Z')), at('2026-03-02T09:05:00Z'));
    expect(outages).toEqual([{ from, to: at('2026-03-02T09:05:00Z') }]);
    expect(uptimeOf(outages, at('2026-03-02T08:00:00Z'), at('2026-03-02T10:00:00Z'))).toEqual({
      onlineMinutes: 60,
      windowMinutes: 120,
    });
  });

  it('counts an open outage up to now and forgets those older than a week', () => {
    const outages = openOutage(
      [{ from: at('2026-02-01T00:00:00Z'), to: at('2026-02-01T01:00:00Z') }],
      at('2026-03-02T09:30:00Z'),
      at('2026-03-02T09:31:00Z'),
    );
    expect(outages).toEqual([{ from: at('2026-03-02T09:30:00Z') }]);
    expect(uptimeOf(outages, at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z')).onlineMinutes).toBe(30);
  });
});

describe('telemetryCondition', () => {
  const now = at('2026-03-02T08:00:00Z');
  const reported = { ...online, batteryPct: 30, signalDbm: -95 };

  it('scores uptime, battery, signal and calibration with deviceCondition', () => {
    // Calibrated 100 days ago against 180: in date; always online; battery 50, signal 37.5.
    const index = telemetryCondition(device, reported, at('2025-11-22T08:00:00Z'), now)?.index;
    // 0.4 × 100 + 0.2 × 50 + 0.15 × 37.5 + 0.25 × 100 = 80.6
    expect(index).toBe(80.6);
  });

  it('counts calibration from installation when none is on record', () => {
    const condition = telemetryCondition({ ...device, installedOn: '2025-03-02' }, reported, undefined, now);
    const index = condition?.index;
    // 365 days against 180: 2 − 365/180 < 0 → calibration 0: 0.4 × 100 + 10 + 5.625 = 55.6
    expect(index).toBe(55.6);
    expect(condition?.factors).toHaveProperty('calibration');
  });

  it('waits for what the device must report: a battery device without its charge', () => {
    expect(telemetryCondition(device, online, undefined, now)).toBeUndefined();
  });

  it('is told again only when it moved by a point or more', () => {
    expect(conditionMoved(undefined, 80)).toBe(true);
    expect(conditionMoved(80, 80.9)).toBe(false);
    expect(conditionMoved(80, 79)).toBe(true);
  });
});

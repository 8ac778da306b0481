import fc from 'fast-check';
import { DomainValidationError } from '@buqi/domain-kernel';
import { checkDeviceOffline, findOfflineDevices, SEVERITIES, type DeviceHeartbeat } from './index';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const minutesBefore = (m: number) => new Date(NOW.getTime() - m * 60_000);
const sensor: DeviceHeartbeat = {
  deviceId: 'dev-nh3-s-court-rr-02',
  lastHeartbeatAt: minutesBefore(10),
  reportingIntervalMinutes: 5,
};

describe('checkDeviceOffline', () => {
  it('is quiet within interval × factor, including exactly at it', () => {
    // allowed 5 min × 3 = 15 min
    expect(checkDeviceOffline(sensor, NOW)).toEqual([]);
    expect(checkDeviceOffline({ ...sensor, lastHeartbeatAt: minutesBefore(15) }, NOW)).toEqual([]);
  });

  it('reports a device silent past its allowance (worked example)', () => {
    // last heard 2026-03-01T07:55Z, now 2026-03-02T10:00Z: 26 h 5 min = 1565 min > 15 min allowed
    // silence level: over 1 h and over 1 d, not over 7 d → 2 (major); normal criticality ± 0 → major
    const device = { ...sensor, lastHeartbeatAt: new Date('2026-03-01T07:55:00.000Z') };
    const [finding, ...rest] = checkDeviceOffline(device, NOW);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'device-offline',
      severity: 'major',
      deviceId: 'dev-nh3-s-court-rr-02',
      silentMinutes: 1565,
      allowedSilenceMinutes: 15,
      neverReported: false,
      criticality: 'normal',
    });
    expect(finding.evidence).toEqual([
      'dev-nh3-s-court-rr-02 silent for 1 d 2 h 5 min at 2026-03-02T10:00:00.000Z (last heartbeat 2026-03-01T07:55:00.000Z)',
      'allowed silence 15 min = reporting interval 5 min × 3',
      'severity major: silence level 2 (steps over 1 h, 1 d, 7 d) + 0 for a normal device',
    ]);
    // the same silence: a safety-critical device one step worse, a low one one step milder
    expect(checkDeviceOffline({ ...device, criticality: 'safety-critical' }, NOW)[0].severity).toBe(
      'critical',
    );
    expect(checkDeviceOffline({ ...device, criticality: 'low' }, NOW)[0].severity).toBe('moderate');
  });

  it.each([
    [20, 'normal', 'minor'], // 20 min: level 0
    [20, 'low', 'minor'], // level 0 − 1 stays minor
    [61, 'normal', 'moderate'], // over 1 h
    [20_000, 'normal', 'critical'], // ~13.9 d: over 7 d
    [20_000, 'safety-critical', 'critical'], // stays at the top
  ] as const)('%d min silent, %s device → %s', (silent, criticality, severity) => {
    const [f] = checkDeviceOffline({ ...sensor, lastHeartbeatAt: minutesBefore(silent), criticality }, NOW);
    expect(f.severity).toBe(severity);
  });

  it('counts from installation when the device never reported', () => {
    // installed 2026-02-20T10:00Z: 10 d = 14 400 min silent → level 3 → critical
    const [f] = checkDeviceOffline(
      {
        deviceId: 'cam-north-gate',
        installedAt: new Date('2026-02-20T10:00:00.000Z'),
        reportingIntervalMinutes: 1,
      },
      NOW,
    );
    expect(f).toMatchObject({ severity: 'critical', neverReported: true, silentMinutes: 14_400 });
    expect(f.evidence[0]).toContain('never reported since installation at 2026-02-20T10:00:00.000Z');
  });

  it('honours a custom factor', () => {
    // 60 min interval × 2 = 120 min allowed; 150 min silent → offline
    expect(
      checkDeviceOffline(
        { ...sensor, reportingIntervalMinutes: 60, offlineFactor: 2, lastHeartbeatAt: minutesBefore(150) },
        NOW,
      ),
    ).toHaveLength(1);
    expect(
      checkDeviceOffline(
        { ...sensor, reportingIntervalMinutes: 60, lastHeartbeatAt: minutesBefore(150) },
        NOW,
      ),
    ).toEqual([]);
  });

  it('treats a heartbeat slightly in the future as now, and refuses one beyond the skew tolerance', () => {
    const ahead = (m: number) => ({ ...sensor, lastHeartbeatAt: minutesBefore(-m) });
    expect(checkDeviceOffline(ahead(3), NOW)).toEqual([]);
    expect(checkDeviceOffline(ahead(5), NOW)).toEqual([]);
    const call = () => checkDeviceOffline(ahead(20), NOW);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow(
      'device.lastHeartbeatAt is 20 min after now (2026-03-02T10:00:00.000Z), beyond the 5-min clock-skew tolerance',
    );
    expect(checkDeviceOffline(ahead(20), NOW, { clockSkewToleranceMinutes: 30 })).toEqual([]);
  });

  it.each([
    [
      { deviceId: 'd1', reportingIntervalMinutes: 5 },
      'device.installedAt is required when the device has no heartbeat',
    ],
    [
      { ...sensor, reportingIntervalMinutes: 0 },
      'device.reportingIntervalMinutes must be greater than 0 (got 0)',
    ],
    [{ ...sensor, offlineFactor: 0.5 }, 'device.offlineFactor must be at least 1 (got 0.5)'],
    [{ ...sensor, criticality: 'vip' }, 'device.criticality must be one of low, normal, safety-critical'],
    [{ ...sensor, lastHeartbeatAt: '2026-03-02' }, 'device.lastHeartbeatAt must be a valid date'],
    [{ ...sensor, deviceId: '' }, 'device.deviceId must be a non-empty string'],
  ])('refuses bad input, naming the field (%#)', (device, message) => {
    const call = () => checkDeviceOffline(device as DeviceHeartbeat, NOW);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow(message);
  });

  it('refuses a bad now or tolerance', () => {
    expect(() => checkDeviceOffline(sensor, new Date('x'))).toThrow('now must be a valid date');
    expect(() => checkDeviceOffline(sensor, NOW, { clockSkewToleranceMinutes: -1 })).toThrow(
      'options.clockSkewToleranceMinutes must be at least 0 (got -1)',
    );
  });

  it('severity never falls as silence grows', () => {
    const rank = (silent: number) => {
      const [f] = checkDeviceOffline({ ...sensor, lastHeartbeatAt: minutesBefore(silent) }, NOW);
      return f === undefined ? -1 : SEVERITIES.indexOf(f.severity);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), (a, b) => {
        expect(rank(Math.max(a, b))).toBeGreaterThanOrEqual(rank(Math.min(a, b)));
      }),
    );
  });
});

describe('findOfflineDevices', () => {
  it('returns the offline devices of a fleet', () => {
    const fleet = [sensor, { ...sensor, deviceId: 'dev-2', lastHeartbeatAt: minutesBefore(90) }];
    expect(findOfflineDevices(fleet, NOW).map((f) => [f.deviceId, f.severity])).toEqual([
      ['dev-2', 'moderate'],
    ]);
    expect(findOfflineDevices([], NOW)).toEqual([]);
  });

  it('names a bad device by its index', () => {
    expect(() =>
      findOfflineDevices([sensor, { ...sensor, reportingIntervalMinutes: Number.NaN }], NOW),
    ).toThrow('devices[1].reportingIntervalMinutes must be a finite number (got NaN)');
  });
});

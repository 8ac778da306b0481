import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import { DEFAULT_DEVICE_STANDARDS, deviceCondition, type DeviceStandards, type DeviceStatus } from '../index';

const calibration = {
  lastCalibratedAt: new Date('2026-01-01T00:00:00Z'),
  intervalDays: 90,
  asOf: new Date('2026-04-11T00:00:00Z'),
};

const nh3Sensor: DeviceStatus = {
  power: 'battery',
  link: 'wireless',
  uptime: { onlineMinutes: 1420, windowMinutes: 1440 },
  batteryPct: 30,
  signalDbm: -95,
  calibration,
};

describe('deviceCondition', () => {
  it('worked example: a battery NH3 sensor on NB-IoT, calibration overdue', () => {
    // uptime 1420/1440 = 98.611 % on the ramp 80 → 99 %: (98.611 − 80) / 19 = 97.953
    // battery 30 % on 10 → 50 %: 20 / 40 = 50
    // signal −95 dBm on −110 → −70: 15 / 40 = 37.5 ("fair": −100 ≤ −95 < −85)
    // calibration 100 days old, interval 90: ratio 1.111, falling to 0 at 2×: (2 − 1.111) / 1 = 88.889
    // index = 0.4 × 97.953 + 0.2 × 50 + 0.15 × 37.5 + 0.25 × 88.889
    //       = 39.181 + 10 + 5.625 + 22.222 = 77.03 → 77.0
    const r = deviceCondition(nh3Sensor);
    expect(r.factors.uptime.uptimePct).toBeCloseTo(98.6111, 4);
    expect(r.factors.uptime.subScore).toBeCloseTo(97.9532, 4);
    expect(r.factors.battery?.subScore).toBe(50);
    expect(r.factors.signal).toMatchObject({ subScore: 37.5, quality: 'fair' });
    expect(r.factors.calibration).toMatchObject({ ageDays: 100, overdue: true });
    expect(r.factors.calibration?.subScore).toBeCloseTo(88.8889, 4);
    expect(r.index).toBe(77);
  });

  it('leaves out battery and signal for a mains, wired device and reweights the rest', () => {
    // uptime 95 %: (95 − 80) / 19 = 78.947; calibration in date: 100.
    // Weights 0.4 and 0.25 become 0.4/0.65 = 0.6154 and 0.3846: 48.583 + 38.462 = 87.04 → 87.0
    const r = deviceCondition({
      power: 'mains',
      link: 'wired',
      uptime: { onlineMinutes: 95, windowMinutes: 100 },
      calibration: { ...calibration, asOf: new Date('2026-02-01T00:00:00Z') },
    });
    expect(r.factors.battery).toBeNull();
    expect(r.factors.signal).toBeNull();
    expect(r.factors.uptime.weight).toBeCloseTo(0.6154, 4);
    expect(r.factors.calibration).toMatchObject({ subScore: 100, overdue: false });
    expect(r.index).toBe(87);
  });

  it('is 100 for a camera that is always online and needs no calibration', () => {
    const r = deviceCondition({
      power: 'mains',
      link: 'wired',
      uptime: { onlineMinutes: 10_080, windowMinutes: 10_080 },
      calibration: null,
    });
    expect(r.index).toBe(100);
    expect(r.factors.calibration).toBeNull();
    expect(r.factors.uptime).toMatchObject({ weight: 1, contribution: 100 });
  });

  it('is 0 for a device that has failed on every count', () => {
    const r = deviceCondition({
      ...nh3Sensor,
      uptime: { onlineMinutes: 0, windowMinutes: 1440 },
      batteryPct: 5,
      signalDbm: -120,
      calibration: { ...calibration, intervalDays: 30 },
    });
    expect(r.index).toBe(0);
    expect(r.factors.signal?.quality).toBe('poor');
  });

  it('scores a backup battery on a mains device when one is reported', () => {
    const r = deviceCondition({ ...nh3Sensor, power: 'mains', batteryPct: 50 });
    expect(r.factors.battery?.subScore).toBe(100);
  });

  it.each([
    ['power', { ...nh3Sensor, power: 'solar' }],
    ['link', { ...nh3Sensor, link: 'bluetooth' }],
    ['batteryPct', { ...nh3Sensor, batteryPct: undefined }],
    ['batteryPct', { ...nh3Sensor, batteryPct: 120 }],
    ['signalDbm', { ...nh3Sensor, signalDbm: null }],
    ['signalDbm', { ...nh3Sensor, signalDbm: 5 }],
    ['uptime.windowMinutes', { ...nh3Sensor, uptime: { onlineMinutes: 0, windowMinutes: 0 } }],
    ['uptime.onlineMinutes', { ...nh3Sensor, uptime: { onlineMinutes: 1500, windowMinutes: 1440 } }],
    ['uptime.onlineMinutes', { ...nh3Sensor, uptime: { onlineMinutes: Number.NaN, windowMinutes: 1440 } }],
    ['calibration', { ...nh3Sensor, calibration: undefined }],
    [
      'calibration.lastCalibratedAt',
      { ...nh3Sensor, calibration: { ...calibration, lastCalibratedAt: new Date('nonsense') } },
    ],
    [
      'calibration.lastCalibratedAt',
      {
        ...nh3Sensor,
        calibration: { ...calibration, lastCalibratedAt: new Date('2026-05-01T00:00:00Z') },
      },
    ],
    ['calibration.intervalDays', { ...nh3Sensor, calibration: { ...calibration, intervalDays: 0 } }],
  ])('refuses bad input naming %s', (field, status) => {
    expectInvalid(() => deviceCondition(status as unknown as DeviceStatus), field);
  });

  it.each([
    ['standards.weights.uptime', { weights: { ...DEFAULT_DEVICE_STANDARDS.weights, uptime: 0 } }],
    ['standards.batteryPct.fullAt', { batteryPct: { zeroAt: 50, fullAt: 10 } }],
    ['standards.calibrationZeroAtMultiple', { calibrationZeroAtMultiple: 1 }],
    [
      'standards.signalQualityFloors.good',
      { signalQualityFloors: { excellent: -70, good: -60, fair: -100 } },
    ],
  ])('refuses bad standards naming %s', (field, change) => {
    const standards = { ...DEFAULT_DEVICE_STANDARDS, ...change } as DeviceStandards;
    expectInvalid(() => deviceCondition(nh3Sensor, standards), field);
  });

  it('stays within 0–100 (property)', () => {
    const status = fc.record({
      power: fc.constantFrom('battery' as const, 'mains' as const),
      link: fc.constantFrom('wireless' as const, 'wired' as const),
      uptime: fc.integer({ min: 1, max: 100_000 }).chain((windowMinutes) =>
        fc.record({
          windowMinutes: fc.constant(windowMinutes),
          onlineMinutes: fc.integer({ min: 0, max: windowMinutes }),
        }),
      ),
      batteryPct: fc.double({ min: 0, max: 100, noNaN: true }),
      signalDbm: fc.double({ min: -150, max: 0, noNaN: true }),
      calibration: fc.option(
        fc.record({
          lastCalibratedAt: fc.constant(new Date('2025-01-01T00:00:00Z')),
          intervalDays: fc.integer({ min: 1, max: 730 }),
          asOf: fc.date({
            min: new Date('2025-01-01T00:00:00Z'),
            max: new Date('2028-01-01T00:00:00Z'),
            noInvalidDate: true,
          }),
        }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(status, (s) => {
        const r = deviceCondition(s);
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(100);
      }),
    );
  });
});

import { keepOf, sortReadings, type IncomingReading, type ReadingRules } from './readings';

const receivedAt = new Date('2026-03-02T08:00:00Z');
const rules: ReadingRules = {
  receivedAt,
  clockSkewMs: 5 * 60_000,
  retentionMs: 90 * 86_400_000,
  knownUnits: { h2s: 'ppm' },
};
const nh3 = (at: string, value: number | null = 0.8): IncomingReading => ({
  metric: 'nh3',
  value,
  unit: 'ppm',
  at,
});

describe('sortReadings', () => {
  it('keeps every valid reading, with its time parsed', () => {
    const { accepted, refused } = sortReadings(
      [nh3('2026-03-02T07:55:00Z'), nh3('2026-03-02T15:56:00+08:00', 1.2)],
      rules,
    );
    expect(refused).toEqual([]);
    expect(accepted).toEqual([
      { metric: 'nh3', value: 0.8, unit: 'ppm', at: new Date('2026-03-02T07:55:00Z') },
      { metric: 'nh3', value: 1.2, unit: 'ppm', at: new Date('2026-03-02T07:56:00Z') },
    ]);
  });

  it('refuses each bad reading by index with its reason and keeps the rest', () => {
    const batch: IncomingReading[] = [
      nh3('2026-03-02T07:50:00Z'),
      { metric: 'NH3', value: 1, unit: 'ppm', at: '2026-03-02T07:50:00Z' },
      nh3('2026-03-02T07:51:00Z', null),
      nh3('yesterday'),
      { metric: 'nh3', value: 1, unit: '', at: '2026-03-02T07:52:00Z' },
      nh3('2026-03-02T07:53:00Z'),
    ];
    const { accepted, refused } = sortReadings(batch, rules);
    expect(accepted.map((r) => r.at.toISOString())).toEqual([
      '2026-03-02T07:50:00.000Z',
      '2026-03-02T07:53:00.000Z',
    ]);
    expect(refused).toEqual([
      expect.objectContaining({ index: 1, field: 'readings[1].metric', value: 'NH3' }),
      expect.objectContaining({
        index: 2,
        field: 'readings[2].value',
        reason: 'is null: the sensor gave no value',
      }),
      expect.objectContaining({ index: 3, field: 'readings[3].at', value: 'yesterday' }),
      expect.objectContaining({ index: 4, field: 'readings[4].unit' }),
    ]);
  });

  it('refuses a reading from beyond the clock-skew tolerance, and takes one just within it', () => {
    const { accepted, refused } = sortReadings(
      [nh3('2026-03-02T08:05:00Z'), nh3('2026-03-02T08:05:01Z')],
      rules,
    );
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual([
      {
        index: 1,
        field: 'readings[1].at',
        value: '2026-03-02T08:05:01Z',
        reason:
          "lies 301 s after the batch was received (2026-03-02T08:00:00.000Z), beyond the 5-min clock-skew tolerance: the device's clock is wrong",
      },
    ]);
  });

  it('refuses a reading older than the retention: it would be purged at once', () => {
    const { refused } = sortReadings([nh3('2025-12-01T07:59:59Z')], rules);
    expect(refused).toEqual([
      expect.objectContaining({
        field: 'readings[0].at',
        reason: 'is older than the 90-day retention of readings',
      }),
    ]);
  });

  it('keeps a metric in the unit it was first reported in, known or earlier in the batch', () => {
    const { accepted, refused } = sortReadings(
      [
        { metric: 'h2s', value: 0.01, unit: 'mg/m3', at: '2026-03-02T07:50:00Z' },
        nh3('2026-03-02T07:50:00Z'),
        { metric: 'nh3', value: 0.6, unit: 'mg/m3', at: '2026-03-02T07:51:00Z' },
      ],
      rules,
    );
    expect(accepted.map((r) => r.metric)).toEqual(['nh3']);
    expect(refused).toEqual([
      expect.objectContaining({
        index: 0,
        field: 'readings[0].unit',
        reason: 'must be ppm, the unit this device reports h2s in',
      }),
      expect.objectContaining({
        index: 2,
        field: 'readings[2].unit',
        reason: 'must be ppm, the unit this device reports nh3 in',
      }),
    ]);
  });
});

describe('keepOf', () => {
  it('keeps the higher value of a concentration and the lower of a battery or signal', () => {
    expect(keepOf('nh3')).toBe('max');
    expect(keepOf('leak')).toBe('max');
    expect(keepOf('battery')).toBe('min');
    expect(keepOf('rssi')).toBe('min');
  });
});

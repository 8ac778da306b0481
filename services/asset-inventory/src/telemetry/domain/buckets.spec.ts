import fc from 'fast-check';
import {
  bucketId,
  bucketWrites,
  hoursBetween,
  seriesOf,
  type BucketWrite,
  type StoredBucket,
} from './buckets';
import type { Reading } from './readings';

const r = (metric: string, value: number, at: string, unit = 'ppm'): Reading => ({
  metric,
  value,
  unit,
  at: new Date(at),
});

/** What a store does with the writes: `$max`/`$min` per field, `$set` of units. */
function apply(
  store: Map<string, { hour: Date; m: Record<string, Record<string, number>>; u: Record<string, string> }>,
  writes: BucketWrite[],
) {
  for (const w of writes) {
    const doc = store.get(w.id) ?? { hour: w.hour, m: {}, u: {} };
    store.set(w.id, doc);
    for (const [ops, pick] of [
      [w.max, Math.max],
      [w.min, Math.min],
    ] as const)
      for (const [path, value] of Object.entries(ops)) {
        const [, field, offset] = path.split('.');
        const values = (doc.m[field] ??= {});
        values[offset] = values[offset] === undefined ? value : pick(values[offset], value);
      }
    for (const [path, unit] of Object.entries(w.units)) doc.u[path.slice(2)] = unit;
  }
  return store;
}

describe('hour buckets', () => {
  it('names a bucket by device and hour', () => {
    expect(bucketId('NY-DV-001', Date.parse('2026-03-02T08:00:00Z'))).toBe('NY-DV-001|2026-03-02T08');
  });

  it('writes a batch as one upsert per hour, values by their time within the hour', () => {
    const writes = bucketWrites('NY-DV-001', [
      r('nh3', 0.8, '2026-03-02T08:59:30Z'),
      r('pm2.5', 40, '2026-03-02T08:59:30Z', 'ug/m3'),
      r('nh3', 1.1, '2026-03-02T09:00:10Z'),
      r('battery', 80, '2026-03-02T09:00:10Z', '%'),
    ]);
    expect(writes).toEqual([
      {
        id: 'NY-DV-001|2026-03-02T08',
        deviceId: 'NY-DV-001',
        hour: new Date('2026-03-02T08:00:00Z'),
        max: { 'm.nh3.3570000': 0.8, 'm.pm2:5.3570000': 40 },
        min: {},
        units: { 'u.nh3': 'ppm', 'u.pm2:5': 'ug/m3' },
      },
      {
        id: 'NY-DV-001|2026-03-02T09',
        deviceId: 'NY-DV-001',
        hour: new Date('2026-03-02T09:00:00Z'),
        max: { 'm.nh3.10000': 1.1 },
        min: { 'm.battery.10000': 80 },
        units: { 'u.nh3': 'ppm', 'u.battery': '%' },
      },
    ]);
  });

  it('keeps the worse of two values measured at one time, within a batch', () => {
    const [w] = bucketWrites('D', [
      r('nh3', 2.4, '2026-03-02T08:15:00Z'),
      r('nh3', 0.7, '2026-03-02T08:15:00Z'),
    ]);
    expect(w.max).toEqual({ 'm.nh3.900000': 2.4 });
  });

  it('reads a metric back oldest first, within the range, dots and all', () => {
    const store = apply(
      new Map(),
      bucketWrites('D', [
        r('pm2.5', 3, '2026-03-02T09:10:00Z'),
        r('pm2.5', 1, '2026-03-02T08:10:00Z'),
        r('nh3', 9, '2026-03-02T08:20:00Z'),
      ]),
    );
    const series = seriesOf(
      [...store.values()] as StoredBucket[],
      'pm2.5',
      new Date('2026-03-02T08:10:00Z'),
      new Date('2026-03-02T09:00:00Z'),
    );
    expect(series).toEqual([
      { metric: 'pm2.5', value: 1, unit: 'ppm', at: new Date('2026-03-02T08:10:00Z') },
    ]);
  });

  it('lists the hours of a range, both ends included', () => {
    expect(
      hoursBetween(new Date('2026-03-02T08:30:00Z'), new Date('2026-03-02T10:00:00Z')).map((h) =>
        new Date(h).toISOString(),
      ),
    ).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z']);
  });

  it('stores the same series whatever the batches, their order and their repeats (property)', () => {
    const reading = fc.record({
      metric: fc.constantFrom('nh3', 'battery'),
      value: fc.integer({ min: 0, max: 100 }),
      minute: fc.integer({ min: 0, max: 180 }),
    });
    fc.assert(
      fc.property(
        fc.array(reading, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer(),
        (rs, size, seed) => {
          const readings = rs.map((x) =>
            r(x.metric, x.value, new Date(Date.UTC(2026, 2, 2, 8) + x.minute * 60_000).toISOString()),
          );
          const once = apply(new Map(), bucketWrites('D', readings));
          // Shuffled, each sent twice, cut into batches of `size`.
          const shuffled = [...readings, ...readings].sort(
            (a, b) => ((a.value * 31 + seed) % 7) - ((b.value * 31 + seed) % 7),
          );
          const again = new Map();
          for (let i = 0; i < shuffled.length; i += size)
            apply(again, bucketWrites('D', shuffled.slice(i, i + size)));
          expect(again).toEqual(once);
          // One value per time, the worse of those sent.
          const from = new Date(Date.UTC(2026, 2, 2, 0));
          const to = new Date(Date.UTC(2026, 2, 3, 0));
          const nh3 = seriesOf([...once.values()] as StoredBucket[], 'nh3', from, to);
          for (const point of nh3)
            expect(point.value).toBe(
              Math.max(
                ...readings.filter((x) => x.metric === 'nh3' && +x.at === +point.at).map((x) => x.value),
              ),
            );
          const battery = seriesOf([...once.values()] as StoredBucket[], 'battery', from, to);
          for (const point of battery)
            expect(point.value).toBe(
              Math.min(
                ...readings.filter((x) => x.metric === 'battery' && +x.at === +point.at).map((x) => x.value),
              ),
            );
        },
      ),
    );
  });
});

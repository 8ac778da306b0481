import fc from 'fast-check';
import { DomainValidationError } from '@buqi/domain-kernel';
import { evaluateSensorWindow, type SensorReading, type SensorWindowRule } from './index';

const NH3: SensorWindowRule = {
  id: 'restroom.nh3.sustained',
  metric: 'nh3',
  unit: 'ppm',
  direction: 'above',
  threshold: 1,
  minDurationMinutes: 15,
  maxGapMinutes: 10,
};

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const at = (minute: number) => new Date(T0 + minute * 60_000);
const nh3 = (minute: number, value: number): SensorReading => ({
  metric: 'nh3',
  value,
  at: at(minute),
  unit: 'ppm',
});
/** Readings every 5 minutes from 08:00. */
const every5 = (values: number[]) => values.map((v, n) => nh3(n * 5, v));

describe('evaluateSensorWindow', () => {
  // 08:00 0.8 | 08:05 1.2 | 08:10 1.6 | 08:15 2.4 | 08:20 1.9 | 08:25 1.3 | 08:30 0.9 | 08:35 1.1
  const morning = every5([0.8, 1.2, 1.6, 2.4, 1.9, 1.3, 0.9, 1.1]);

  it('reports a sustained NH3 exceedance (worked example)', () => {
    // run 08:05–08:25: 20 min ≥ 15, 5 readings; 08:35 alone lasts 0 min and does not qualify.
    // peak 2.4: excess (2.4 − 1) / 1 = 140% → intensity 2 (steps 50/100/200%)
    // 20 / 15 = 1.33 × the minimum → persistence 0 (steps 2 and 4) → level 2 → major
    const [finding, ...rest] = evaluateSensorWindow(NH3, morning);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'sensor-threshold',
      severity: 'major',
      start: at(5),
      end: at(25),
      durationMinutes: 20,
      readingsInInterval: 5,
      peak: { value: 2.4, at: at(15) },
      qualifyingIntervals: 1,
      ongoing: false,
      distinctReadings: 8,
      conflictingTimestamps: 0,
    });
    expect(finding.relativeExcess).toBeCloseTo(1.4, 10);
    expect(finding.evidence).toEqual([
      'nh3 above 1 ppm from 2026-03-02T08:05:00.000Z to 2026-03-02T08:25:00.000Z: 20 min over 5 reading(s) ' +
        'at most 10 min apart (rule restroom.nh3.sustained: at least 15 min)',
      'peak 2.4 ppm at 2026-03-02T08:15:00.000Z, 140% above the threshold',
      'severity major: intensity 2 (excess 140%; steps at 50, 100, 200%) + persistence 0 ' +
        '(1.33 × the minimum duration; steps at 2 and 4)',
    ]);
  });

  it('gives the same answer for readings late, twice and out of order', () => {
    const scrambled = [morning[7], morning[3], morning[0], morning[3], morning[5], morning[1], morning[6]];
    scrambled.push(morning[2], morning[4], morning[5], morning[1]);
    expect(evaluateSensorWindow(NH3, scrambled)).toEqual(evaluateSensorWindow(NH3, morning));
  });

  it('keeps the higher of two different values for one measurement time, and says so', () => {
    // 08:15 also arrives as 0.7; keeping 0.7 would split the run into 10 + 5 min and report nothing
    const [finding] = evaluateSensorWindow(NH3, [...morning, nh3(15, 0.7)]);
    expect(finding).toMatchObject({
      peak: { value: 2.4, at: at(15) },
      durationMinutes: 20,
      conflictingTimestamps: 1,
    });
    expect(finding.evidence).toContain(
      '1 measurement time(s) arrived with different values; the higher value was kept',
    );
  });

  it('finds nothing in no readings, readings within limits, or a single reading', () => {
    expect(evaluateSensorWindow(NH3, [])).toEqual([]);
    expect(evaluateSensorWindow(NH3, every5([0.2, 0.5, 1, 0.9]))).toEqual([]); // 1 is not above 1
    expect(evaluateSensorWindow(NH3, [nh3(0, 9)])).toEqual([]); // 0 min of evidence
  });

  it('reports a single reading when the rule needs no duration', () => {
    // excess (5 − 1) / 1 = 400% → intensity 3 → critical
    const [finding] = evaluateSensorWindow({ ...NH3, minDurationMinutes: 0 }, [nh3(0, 5)]);
    expect(finding).toMatchObject({
      severity: 'critical',
      durationMinutes: 0,
      ongoing: true,
      readingsInInterval: 1,
    });
  });

  it('reports all readings exceeding as one ongoing interval', () => {
    // 12 readings 08:00–08:55 at 3.5: 55 min, excess 250% → intensity 3; 55 / 15 = 3.67 → persistence 1;
    // 3 + 1 = 4 is past the scale → critical
    const [finding] = evaluateSensorWindow(NH3, every5(Array<number>(12).fill(3.5)));
    expect(finding).toMatchObject({
      severity: 'critical',
      start: at(0),
      end: at(55),
      durationMinutes: 55,
      ongoing: true,
    });
    expect(finding.evidence[0]).toContain(', still so at the latest reading');
  });

  it('does not bridge a silence longer than maxGapMinutes', () => {
    const gappy = [nh3(0, 1.5), nh3(8, 1.5), nh3(30, 1.5), nh3(38, 1.5)];
    // 08:08 → 08:30 is 22 min > 10: two runs of 8 min each, neither qualifies
    expect(evaluateSensorWindow(NH3, gappy)).toEqual([]);
    // allowing 30-min gaps: one run of 38 min; excess 50% → intensity 1; 38 / 15 = 2.53 → persistence 1 → major
    const [bridged] = evaluateSensorWindow({ ...NH3, maxGapMinutes: 30 }, gappy);
    expect(bridged).toMatchObject({ severity: 'major', durationMinutes: 38, readingsInInterval: 4 });
  });

  it('reports the longest qualifying interval, the earliest on a tie', () => {
    // run A 08:00–08:15 (15 min), run B 08:25–08:45 (20 min), run C 08:55–09:15 (20 min)
    const values = [2, 2, 2, 2, 0, 2, 2, 2, 2, 2, 0, 2, 2, 2, 2, 2];
    const [finding] = evaluateSensorWindow(NH3, every5(values));
    expect(finding).toMatchObject({ start: at(25), end: at(45), qualifyingIntervals: 3 });
    expect(finding.evidence).toContain('3 intervals qualified; the longest is reported');
  });

  it('supports "below" rules (worked example: battery)', () => {
    const battery: SensorWindowRule = {
      id: 'device.battery.low',
      metric: 'battery',
      unit: '%',
      direction: 'below',
      threshold: 20,
      minDurationMinutes: 60,
      maxGapMinutes: 45,
    };
    const readings = [25, 18, 15, 12, 9].map((value, n) => ({ metric: 'battery', value, at: at(n * 30) }));
    // run 08:30–10:00: 90 min; lowest 9: (20 − 9) / 20 = 55% → intensity 1; 90 / 60 = 1.5 → persistence 0 → moderate
    const [finding] = evaluateSensorWindow(battery, [
      ...readings,
      { metric: 'battery', value: 30, at: at(60) },
    ]);
    expect(finding).toMatchObject({
      severity: 'moderate',
      durationMinutes: 90,
      peak: { value: 9, at: at(120) },
    });
    expect(finding.relativeExcess).toBeCloseTo(0.55, 10);
    expect(finding.evidence[1]).toBe('lowest 9 % at 2026-03-02T10:00:00.000Z, 55% below the threshold');
    // the conflicting 30 at 09:00 lost to 15: the lower value is kept for a "below" rule
    expect(finding.evidence[3]).toBe(
      '1 measurement time(s) arrived with different values; the lower value was kept',
    );
  });

  it('ignores other metrics but refuses a reading in another unit', () => {
    const other = { metric: 'h2s', value: 50, at: at(0), unit: 'ppb' };
    expect(evaluateSensorWindow(NH3, [...morning, other])).toEqual(evaluateSensorWindow(NH3, morning));
    expect(() => evaluateSensorWindow(NH3, [...morning, { ...nh3(40, 2), unit: 'mg/m3' }])).toThrow(
      'readings[8].unit must be ppm, the unit of the rule (got "mg/m3")',
    );
  });

  it.each([
    [NH3, [nh3(0, 1), { metric: 'nh3', value: 1, at: new Date('x') }], 'readings[1].at must be a valid date'],
    [
      NH3,
      [nh3(0, 1), { metric: 'nh3', value: Infinity, at: at(5) }],
      'readings[1].value must be a finite number',
    ],
    [NH3, [{ metric: '', value: 1, at: at(0) }], 'readings[0].metric must be a non-empty string'],
    [NH3, 'nh3', 'readings must be an array'],
    [{ ...NH3, threshold: 0 }, [], 'rule.threshold must not be zero (got 0)'],
    [{ ...NH3, maxGapMinutes: 0 }, [], 'rule.maxGapMinutes must be greater than 0 (got 0)'],
    [{ ...NH3, minDurationMinutes: -1 }, [], 'rule.minDurationMinutes must be at least 0 (got -1)'],
    [{ ...NH3, direction: 'over' }, [], 'rule.direction must be one of above, below'],
  ])('refuses bad input, naming the field (%#)', (rule, readings, message) => {
    const call = () => evaluateSensorWindow(rule as SensorWindowRule, readings as SensorReading[]);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow(message);
  });
});

describe('evaluateSensorWindow properties', () => {
  /** Distinct measurement times 1–15 min apart, values around the threshold. */
  const series = fc
    .array(
      fc.record({ step: fc.integer({ min: 1, max: 15 }), value: fc.double({ min: 0, max: 4, noNaN: true }) }),
      {
        maxLength: 40,
      },
    )
    .map((items) => {
      let minute = 0;
      return items.map(({ step, value }) => nh3((minute += step), value));
    });

  it('shuffling and duplicating readings never changes the result', () => {
    const scrambled = series.chain((base) =>
      fc
        .subarray(base)
        .chain((dups) =>
          fc.tuple(
            fc.constant(base),
            fc.shuffledSubarray([...base, ...dups], { minLength: base.length + dups.length }),
          ),
        ),
    );
    fc.assert(
      fc.property(scrambled, ([base, arrived]) => {
        expect(evaluateSensorWindow(NH3, arrived)).toEqual(evaluateSensorWindow(NH3, base));
      }),
    );
  });

  it('a lower duplicate of a reading never changes the interval or its severity', () => {
    const withLower = series.chain((base) => fc.tuple(fc.constant(base), fc.subarray(base)));
    fc.assert(
      fc.property(withLower, ([base, lowered]) => {
        const pick = (readings: SensorReading[]) =>
          evaluateSensorWindow(NH3, readings).map(({ start, end, peak, severity }) => ({
            start,
            end,
            peak,
            severity,
          }));
        const extra = lowered.map((r) => ({ ...r, value: r.value - 0.5 }));
        expect(pick([...extra, ...base])).toEqual(pick(base));
      }),
    );
  });

  it('a finding is always backed by exceeding readings for at least the minimum duration', () => {
    fc.assert(
      fc.property(series, (readings) => {
        for (const f of evaluateSensorWindow(NH3, readings)) {
          expect(f.durationMinutes).toBeGreaterThanOrEqual(NH3.minDurationMinutes);
          const inside = readings.filter((r) => r.at >= f.start && r.at <= f.end);
          expect(inside.every((r) => r.value > NH3.threshold)).toBe(true);
          expect(Math.max(...inside.map((r) => r.value))).toBe(f.peak.value);
          expect(f.evidence.length).toBeGreaterThanOrEqual(1);
          expect(f.evidence.length).toBeLessThanOrEqual(20);
          expect(f.evidence.every((e) => e.length > 0 && e.length <= 500)).toBe(true);
        }
      }),
    );
  });
});

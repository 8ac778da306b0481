import fc from 'fast-check';
import { exceedsThreshold } from '@buqi/domain-shortfalls';
import { ongoingExceedance, sensorRulesFor } from './sensor-rules';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute));
const nh3 = (minute: number, value: number) => ({ metric: 'nh3', value, unit: 'ppm', at: at(minute) });

describe('sensor rules', () => {
  it('hold an odour sensor to the GB/T 17217 limit of the restroom it watches, in ppm at 25 °C', () => {
    const [classTwo] = sensorRulesFor('nh3-sensor', 60, 'class-2');
    // 1 mg/m³ × 24.45 / 17.031
    expect(classTwo).toMatchObject({
      metric: 'nh3',
      unit: 'ppm',
      direction: 'above',
      threshold: 1.4356,
      minDurationMinutes: 15,
    });
    expect(sensorRulesFor('nh3-sensor', 60, 'class-1')[0].threshold).toBe(0.4307);
    // Three intervals of a slow sensor, at least 10 minutes.
    expect(sensorRulesFor('nh3-sensor', 600, 'class-1')[0].maxGapMinutes).toBe(30);
    expect(sensorRulesFor('nh3-sensor', 60)[0].maxGapMinutes).toBe(10);
    expect(sensorRulesFor('camera', 60)).toEqual([]);
  });
});

describe('the exceedance going on now', () => {
  const [rule] = sensorRulesFor('nh3-sensor', 60, 'class-2');

  it('is the run that reaches the latest reading, even when an earlier run lasted longer', () => {
    const readings = [
      ...[0, 5, 10, 15, 20, 25, 30].map((m) => nh3(m, 3)), // 30 min over
      nh3(35, 0.5),
      ...[40, 45, 50, 55].map((m) => nh3(m, 2)), // 15 min over, still going
    ];
    const found = ongoingExceedance(rule, readings);
    expect(found).toMatchObject({ ongoing: true, durationMinutes: 15, start: at(40), end: at(55) });
  });

  it('is none once the latest reading is back under the limit, or the run is still too short', () => {
    expect(
      ongoingExceedance(rule, [...[0, 5, 10, 15, 20].map((m) => nh3(m, 3)), nh3(25, 0.4)]),
    ).toBeUndefined();
    expect(
      ongoingExceedance(
        rule,
        [0, 5, 10].map((m) => nh3(m, 3)),
      ),
    ).toBeUndefined();
  });

  it('does not depend on the order readings arrived in, or on repeats', () => {
    const readings = [0, 5, 10, 15, 20].map((m) => nh3(m, 2 + m / 10));
    const shuffled = [readings[3], readings[0], readings[4], readings[1], readings[2], ...readings];
    expect(ongoingExceedance(rule, shuffled)).toEqual(ongoingExceedance(rule, readings));
  });

  // What lets a batch with no reading past the limit skip the evaluation when nothing is open.
  it('never starts from readings within the limit: added to readings with none going on, none goes on', () => {
    const reading = fc.record({
      minute: fc.integer({ min: 0, max: 59 }),
      value: fc.integer({ min: 0, max: 40 }).map((v) => v / 10),
    });
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 40 }),
        fc.array(reading, { maxLength: 20 }),
        (before, batch) => {
          const stored = before.map((r) => nh3(r.minute, r.value));
          fc.pre(ongoingExceedance(rule, stored) === undefined);
          const within = batch
            .filter((r) => !exceedsThreshold(rule, r.value))
            .map((r) => nh3(r.minute, r.value));
          expect(ongoingExceedance(rule, [...stored, ...within])).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});

import { DomainValidationError } from '@buqi/domain-kernel';
import { ASSET_CLASSES } from '@buqi/domain-risk';
import {
  DEFAULT_DETERIORATION,
  deteriorate,
  lossPerYear,
  restoredCondition,
  validCurves,
  type DeteriorationCurve,
} from './deterioration';

const road = DEFAULT_DETERIORATION['road-segment'];

describe('deterioration curves', () => {
  it('reads the loss straight between points, flat beyond the ends', () => {
    expect(lossPerYear(road, 70)).toBe(5);
    // Halfway between (55, 7) and (70, 5).
    expect(lossPerYear(road, 62.5)).toBeCloseTo(6, 10);
    expect(lossPerYear(road, 100)).toBe(1.5);
    const short: DeteriorationCurve = {
      ...road,
      points: [
        [20, 4],
        [80, 2],
      ],
    };
    expect(lossPerYear(short, 10)).toBe(4);
    expect(lossPerYear(short, 95)).toBe(2);
  });

  it('takes a year’s loss off the condition, never below 0', () => {
    expect(deteriorate(road, 70)).toBe(65);
    expect(deteriorate(road, 40)).toBe(32);
    expect(deteriorate(DEFAULT_DETERIORATION['monitoring-device'], 3)).toBe(0);
  });

  it('never lets a better asset end a year below a worse one, on every default curve', () => {
    for (const assetClass of ASSET_CLASSES) {
      const curve = DEFAULT_DETERIORATION[assetClass];
      for (let c = 0; c < 100; c += 0.5) {
        expect(deteriorate(curve, c + 0.5)).toBeGreaterThanOrEqual(deteriorate(curve, c));
      }
    }
  });

  it('accepts the defaults as data and refuses curves out of order or too steep, naming the point', () => {
    expect(validCurves(DEFAULT_DETERIORATION)).toEqual(DEFAULT_DETERIORATION);
    const withRoad = (points: unknown) => ({ ...DEFAULT_DETERIORATION, 'road-segment': { ...road, points } });
    const refusal = (points: unknown) => {
      try {
        validCurves(withRoad(points));
      } catch (e) {
        return e as DomainValidationError;
      }
      throw new Error('accepted');
    };
    expect(
      refusal([
        [50, 5],
        [40, 6],
      ]).field,
    ).toBe('curves.road-segment.points[1][0]');
    expect(
      refusal([
        [40, 5],
        [50, 16],
      ]).field,
    ).toBe('curves.road-segment.points[1][1]');
    expect(refusal([[40, -1]]).field).toBe('curves.road-segment.points[0][1]');
    expect(refusal([]).field).toBe('curves.road-segment.points');
    expect(() => validCurves({ restroom: DEFAULT_DETERIORATION.restroom })).toThrow(DomainValidationError);
  });

  it('restores a patched road less than a resurfaced one, and an unknown remedy fully', () => {
    expect(restoredCondition('patch')).toBeLessThan(restoredCondition('resurface'));
    expect(restoredCondition('something-new')).toBe(100);
  });
});

import type { Fen } from '@buqi/domain-money';
import { costOf, quantityOf, remedyOptions } from './remedies';

describe('remedies', () => {
  it('offers what the condition grade calls for: patch or resurface, resurface only, or nothing', () => {
    const options = (action?: string) =>
      remedyOptions('road-segment', 'below-quality-standard', action).map((o) => o.option);
    expect(options('medium-repair')).toEqual(['patch', 'resurface']);
    expect(options('major-repair')).toEqual(['resurface']);
    expect(options('routine')).toEqual([]);
    expect(remedyOptions('restroom', 'coverage-gap').map((o) => o.taskType)).toEqual(['sensor-installation']);
    expect(remedyOptions('monitoring-device', 'device-offline').map((o) => o.taskType)).toEqual([
      'device-repair',
    ]);
  });

  it('prices on the damage, the area or one unit, saying what is missing', () => {
    expect(quantityOf('damage', { value: 3, unit: 'fixtures' }, undefined)).toEqual({
      value: 3,
      unit: 'fixtures',
    });
    expect(quantityOf('damage', undefined, 840)).toEqual({
      missing: 'the shortfall carries no damaged quantity',
    });
    expect(quantityOf('area', undefined, 840)).toEqual({ value: 840, unit: 'm2' });
    expect(quantityOf('area', undefined, undefined)).toHaveProperty('missing');
    expect(quantityOf('one', undefined, undefined)).toEqual({ value: 1, unit: 'unit' });
  });

  it('costs exactly to the fen', () => {
    expect(costOf(42.5, 15_500 as Fen)).toBe(658_750);
    // 0.333 m² at 1 yuan: 33.3 fen, rounded half up.
    expect(costOf(0.333, 100 as Fen)).toBe(33);
    expect(costOf(0.335, 100 as Fen)).toBe(34);
  });
});

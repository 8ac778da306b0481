import { readingSeries } from './index';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute));

describe('readingSeries', () => {
  it('deduplicates by measurement time, keeps the worse of conflicting values and sorts', () => {
    const series = readingSeries(
      [
        { metric: 'nh3', value: 1.2, at: at(10) },
        { metric: 'nh3', value: 0.4, at: at(0) },
        { metric: 'nh3', value: 1.2, at: at(10) }, // the same reading twice
        { metric: 'nh3', value: 0.9, at: at(5) },
        { metric: 'nh3', value: 1.7, at: at(5) }, // a conflicting value for 08:05
        { metric: 'h2s', value: 9, at: at(0) }, // another metric
      ],
      'nh3',
      'ppm',
      'max',
    );
    expect(series).toEqual({
      readings: [
        { value: 0.4, at: at(0) },
        { value: 1.7, at: at(5) },
        { value: 1.2, at: at(10) },
      ],
      conflictingTimestamps: 1,
    });
    const low = readingSeries(
      [
        { metric: 'nh3', value: 0.9, at: at(5) },
        { metric: 'nh3', value: 1.7, at: at(5) },
      ],
      'nh3',
      'ppm',
      'min',
    );
    expect(low.readings).toEqual([{ value: 0.9, at: at(5) }]);
  });

  it('refuses a bad metric, unit or policy', () => {
    expect(() => readingSeries([], '', 'ppm', 'max')).toThrow('metric must be a non-empty string');
    expect(() => readingSeries([], 'nh3', 'ppm', 'last' as never)).toThrow(
      'keep must be one of max, min (got "last")',
    );
  });
});

import { cst } from './__fixtures__/time';
import { mergeHolds } from './index';

describe('mergeHolds', () => {
  it('sorts, merges touching and overlapping holds, drops empty ones and runs an open hold to now', () => {
    const merged = mergeHolds(
      [
        { from: cst('2026-03-03 14:00') },
        { from: cst('2026-03-03 11:00'), to: cst('2026-03-03 12:00') },
        { from: cst('2026-03-03 09:00'), to: cst('2026-03-03 10:00') },
        { from: cst('2026-03-03 10:00'), to: cst('2026-03-03 10:30') },
        { from: cst('2026-03-03 11:30'), to: cst('2026-03-03 11:30') },
      ],
      cst('2026-03-02 09:00'),
      cst('2026-03-03 15:00'),
    );
    expect(merged).toEqual([
      { from: cst('2026-03-03 09:00'), to: cst('2026-03-03 10:30'), open: false },
      { from: cst('2026-03-03 11:00'), to: cst('2026-03-03 12:00'), open: false },
      { from: cst('2026-03-03 14:00'), to: cst('2026-03-03 15:00'), open: true },
    ]);
  });

  it('is empty for no holds, and refuses a createdAt after now', () => {
    expect(mergeHolds([], cst('2026-03-02 09:00'), cst('2026-03-02 09:00'))).toEqual([]);
    expect(() => mergeHolds([], cst('2026-03-02 10:00'), cst('2026-03-02 09:00'))).toThrow(
      'createdAt must not be after now',
    );
  });
});

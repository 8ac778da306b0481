import { campusExample } from '../test-fixtures/campus-example';
import { instanceOf } from '../test-fixtures/instances';
import { toLpFormat } from './lp-format';

describe('toLpFormat', () => {
  it('writes the campus example as a binary MILP: one pick row per candidate, one row per budget or cap, one per dependency', () => {
    // x0 refit, x1 patch, x2 resurface, x3 backbone, x4 sensors.
    // row0 maintenance (refit, patch), row1 capital (resurface, backbone, sensors),
    // row2 the south-court cap (everything in the south court, whichever envelope pays).
    expect(toLpFormat(instanceOf(campusExample)).split('\n')).toEqual([
      'Maximize',
      ' obj:',
      '  40 x0 + 25 x1 + 45 x2 + 5 x3 + 30 x4',
      'Subject To',
      ' pick0:',
      '  x0',
      '  = 1',
      ' pick1:',
      '  x1 + x2',
      '  <= 1',
      ' pick2:',
      '  x3',
      '  <= 1',
      ' pick3:',
      '  x4',
      '  <= 1',
      ' row0:',
      '  3000000 x0 + 1500000 x1',
      '  <= 5000000',
      ' row1:',
      '  4000000 x2 + 2000000 x3 + 2500000 x4',
      '  <= 6000000',
      ' row2:',
      '  1500000 x1 + 4000000 x2 + 2000000 x3 + 2500000 x4',
      '  <= 7000000',
      ' dep3_2:',
      '  + x4 - x3',
      '  <= 0',
      'Binaries',
      '  x0 x1 x2 x3 x4',
      'End',
      '',
    ]);
  });

  it('splits long rows over several lines, continuing with "+"', () => {
    const many = {
      envelopes: [{ id: 'm', budgetFen: 100 }],
      candidates: Array.from({ length: 13 }, (_, i) => ({
        id: `c${i}`,
        department: 'd',
        zone: 'z',
        envelope: 'm',
        options: [{ id: 'o', costFen: 10, benefit: 1, lifetimeYears: 1 }],
      })),
    };
    const lines = toLpFormat(instanceOf(many)).split('\n');
    const row = lines.indexOf(' row0:');
    expect(lines.slice(row, row + 4)).toEqual([
      ' row0:',
      '  10 x0 + 10 x1 + 10 x2 + 10 x3 + 10 x4 + 10 x5 + 10 x6 + 10 x7 + 10 x8 + 10 x9 + 10 x10 + 10 x11',
      '  + 10 x12',
      '  <= 100',
    ]);
  });
});

import type { RestroomAttributes } from '../../assets/domain/asset';
import { refusal } from './__fixtures__/refusal';
import type { RestroomSheet } from './inspection';
import { assessRestroom } from './restroom-assessment';

const restroom: RestroomAttributes = {
  floor: 3,
  fixtures: [
    { kind: 'squat-toilet', count: 6 },
    { kind: 'urinal', count: 4 },
    { kind: 'washbasin', count: 3 },
    { kind: 'hand-dryer', count: 2 },
  ],
  accessible: true,
  dailyFootfall: 300,
  restroomClass: 'class-2',
};

const sheet: RestroomSheet = {
  fixtures: [
    { kind: 'squat-toilet', working: 5 },
    { kind: 'urinal', working: 4 },
    { kind: 'washbasin', working: 2 },
    { kind: 'hand-dryer', working: 1 },
  ],
  odour: { nh3Ppm: 2, h2sPpm: 0.005 },
  cleanliness: { itemsPassed: 18, itemsChecked: 20 },
  leaks: { found: 2, active: 1 },
  ventilation: { working: true, airChangesPerHour: 8 },
};

describe('assessRestroom', () => {
  it('scores with the odour thresholds of the restroom’s class, totals as registered (worked by hand)', () => {
    // fixtures (3×5 + 3×4 + 2×2 + 1×1) / (3×6 + 3×4 + 2×3 + 1×2) = 32/38 = 84.2105
    // class 2: NH3 1 mg/m³ = 1 × 24.45 / 17.031 = 1.435617 ppm, zero at 14.35617 ppm;
    //   2 ppm → 100 × ln(14.35617/2) / ln 10 = 85.6009; H2S 0.005 ppm ≤ 0.0071743 → 100; NH3 governs
    // cleanliness 90, leaks 100 − 50 − 20 = 30, ventilation 8/10 ACH = 80
    // index = 0.3 × 84.2105 + 0.25 × 85.6009 + 0.2 × 90 + 0.15 × 30 + 0.1 × 80 = 77.163 → 77.2
    const found = assessRestroom('NY-RR-001', restroom, sheet);
    expect(found.condition).toMatchObject({ index: 77.2, method: 'restroom-condition' });
    expect(found.condition?.grade).toBeUndefined();
    expect(found.damage).toEqual({ quantity: 3, unit: 'fixtures' });
    // Held to class 1 (NH3 0.3 mg/m³ = 0.430685 ppm): 2 ppm → 33.313, index 64.1
    const strict = assessRestroom('NY-RR-001', { ...restroom, restroomClass: 'class-1' }, sheet);
    expect(strict.condition?.index).toBe(64.1);
  });

  it('checks a hygiene measurement against the class’s limits, naming its fields', () => {
    const found = assessRestroom('NY-RR-001', restroom, {
      ...sheet,
      hygiene: { nh3MgM3: 0.8, odourGrade: 2, adultFlies: 4 },
    });
    expect(found.hygiene).toMatchObject({ restroomClass: 'class-2', passes: false, failing: ['adultFlies'] });
    const bad = refusal(() =>
      assessRestroom('NY-RR-001', restroom, { ...sheet, hygiene: { odourGrade: 7 } }),
    );
    expect(bad.field).toBe('restroom.hygiene.odourGrade');
  });

  it('refuses a fixture the restroom lacks, and counts the model refuses, by their path', () => {
    const seat = refusal(() =>
      assessRestroom('NY-RR-001', restroom, { ...sheet, fixtures: [{ kind: 'seat-toilet', working: 1 }] }),
    );
    expect(seat).toMatchObject({ field: 'restroom.fixtures[0].kind', value: 'seat-toilet' });
    const over = refusal(() =>
      assessRestroom('NY-RR-001', restroom, { ...sheet, fixtures: [{ kind: 'urinal', working: 5 }] }),
    );
    expect(over.field).toBe('restroom.fixtures[0].working');
    const leaks = refusal(() =>
      assessRestroom('NY-RR-001', restroom, { ...sheet, leaks: { found: 1, active: 2 } }),
    );
    expect(leaks.field).toBe('restroom.leaks.active');
  });

  it('takes a total the inspector counted over the registered one', () => {
    const found = assessRestroom('NY-RR-001', restroom, {
      ...sheet,
      fixtures: [{ kind: 'urinal', working: 4, total: 5 }],
    });
    expect(found.damage).toEqual({ quantity: 1, unit: 'fixtures' });
  });
});

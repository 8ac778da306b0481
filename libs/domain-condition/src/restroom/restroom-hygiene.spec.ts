import {
  GB_T_17217_1998,
  MOLAR_MASS,
  mgPerM3ToPpm,
  restroomHygiene,
  restroomStandardsForClass,
} from '../index';
import { expectInvalid } from '../__fixtures__/expect-invalid';

describe('restroom hygiene against GB/T 17217 (1998 limits by class)', () => {
  it('worked example: a class-2 restroom within every limit but its flies', () => {
    // Class 2 (GB/T 17217-1998): NH3 ≤ 1 mg/m³, H2S ≤ 0.01, odour grade ≤ 2, adult flies ≤ 3, maggots 0.
    const r = restroomHygiene(
      { nh3MgM3: 0.8, h2sMgM3: 0.005, odourGrade: 2, adultFlies: 4, maggots: 0 },
      'class-2',
    );
    expect(r.passes).toBe(false);
    expect(r.failing).toEqual(['adultFlies']);
    expect(r.checks).toContainEqual({ item: 'nh3MgM3', value: 0.8, limit: 1, passes: true });
    expect(r.checks).toContainEqual({ item: 'adultFlies', value: 4, limit: 3, passes: false });
  });

  it('holds a class-1 restroom to the tightest limits, and the same reading passes class 3', () => {
    const reading = { nh3MgM3: 0.5, odourGrade: 2 };
    expect(restroomHygiene(reading, 'class-1').failing).toEqual(['nh3MgM3', 'odourGrade']);
    expect(restroomHygiene(reading, 'class-3').passes).toBe(true);
  });

  it('checks only what was measured, and takes the bureau’s own limits as data', () => {
    expect(restroomHygiene({}, 'class-1')).toEqual({
      restroomClass: 'class-1',
      passes: true,
      checks: [],
      failing: [],
    });
    const ownLimits = { ...GB_T_17217_1998, 'class-1': { ...GB_T_17217_1998['class-1'], adultFliesMax: 1 } };
    expect(restroomHygiene({ adultFlies: 1 }, 'class-1', ownLimits).passes).toBe(true);
  });

  it('converts mg/m³ to the ppm that sensors report (25 °C): NH3 0.3 → 0.43 ppm, H2S 0.01 → 0.0072 ppm', () => {
    // 0.3 × 24.45 / 17.031 = 0.4307; 0.01 × 24.45 / 34.08 = 0.00717
    expect(mgPerM3ToPpm(0.3, MOLAR_MASS.nh3)).toBeCloseTo(0.4307, 4);
    expect(mgPerM3ToPpm(0.01, MOLAR_MASS.h2s)).toBeCloseTo(0.00717, 5);
  });

  it("scores odour in the condition index against the class's own NH3 limit", () => {
    // Class 3 allows NH3 3 mg/m³ = 3 × 24.45 / 17.031 = 4.307 ppm before the odour sub-score drops.
    expect(restroomStandardsForClass('class-3').nh3Ppm.fullAt).toBeCloseTo(4.307, 3);
    expect(restroomStandardsForClass('class-1').nh3Ppm.fullAt).toBeCloseTo(0.4307, 4);
  });

  it.each([
    ['restroomClass', () => restroomHygiene({}, 'class-4' as never)],
    ['measurement.odourGrade', () => restroomHygiene({ odourGrade: 6 }, 'class-1')],
    ['measurement.adultFlies', () => restroomHygiene({ adultFlies: 1.5 }, 'class-1')],
    ['measurement.nh3MgM3', () => restroomHygiene({ nh3MgM3: -1 }, 'class-1')],
  ])('refuses bad input, naming %s', (field, run) => {
    expectInvalid(run, field);
  });
});

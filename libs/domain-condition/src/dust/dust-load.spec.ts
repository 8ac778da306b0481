import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import { dustLoad, type DustLoadInput } from '../index';

describe('dustLoad (以克论净)', () => {
  it('worked example: a primary road that passes as a whole with one dusty patch', () => {
    // (3.2 + 4.5 + 8.1) g / (1 + 1 + 1.5) m² = 15.8 / 3.5 = 4.514 g/m² ≤ 5 → passes, margin 0.486.
    // The third patch alone is 8.1 / 1.5 = 5.4 g/m², over the standard: reported, not hidden.
    const r = dustLoad({
      roadClass: 'primary',
      samples: [
        { dustGrams: 3.2, areaM2: 1 },
        { dustGrams: 4.5, areaM2: 1 },
        { dustGrams: 8.1, areaM2: 1.5 },
      ],
    });
    expect(r.loadGPerM2).toBeCloseTo(4.5143, 4);
    expect(r.standard).toBe(5);
    expect(r.passes).toBe(true);
    expect(r.margin).toBeCloseTo(0.4857, 4);
    expect(r.factors.totalDustGrams).toBeCloseTo(15.8, 10);
    expect(r.factors.totalAreaM2).toBe(3.5);
    expect(r.factors.samples[2].loadGPerM2).toBeCloseTo(5.4, 10);
    expect(r.factors.samplesOverStandard).toBe(1);
  });

  it('worked example: a secondary road over its standard', () => {
    // 24 g / 2 m² = 12 g/m² > 10 → fails by 2 g/m².
    const r = dustLoad({ roadClass: 'secondary', samples: [{ dustGrams: 24, areaM2: 2 }] });
    expect(r).toMatchObject({ loadGPerM2: 12, standard: 10, passes: false, margin: -2 });
  });

  it('takes the bureau’s own standard over the default; exactly at the standard passes', () => {
    const r = dustLoad({
      roadClass: 'secondary',
      samples: [{ dustGrams: 24, areaM2: 2 }],
      standards: { secondary: 12 },
    });
    expect(r).toMatchObject({ standard: 12, passes: true, margin: 0 });
  });

  it('a clean road (no dust at all) passes with the whole standard as margin', () => {
    const r = dustLoad({ roadClass: 'branch', samples: [{ dustGrams: 0, areaM2: 1 }] });
    expect(r).toMatchObject({ loadGPerM2: 0, standard: 15, passes: true, margin: 15 });
  });

  it.each([
    ['samples', { roadClass: 'primary', samples: [] }],
    ['roadClass', { roadClass: 'highway', samples: [{ dustGrams: 1, areaM2: 1 }] }],
    ['samples[0].areaM2', { roadClass: 'primary', samples: [{ dustGrams: 1, areaM2: 0 }] }],
    ['samples[0].areaM2', { roadClass: 'primary', samples: [{ dustGrams: 1, areaM2: -2 }] }],
    [
      'samples[1].dustGrams',
      {
        roadClass: 'primary',
        samples: [
          { dustGrams: 1, areaM2: 1 },
          { dustGrams: -1, areaM2: 1 },
        ],
      },
    ],
    ['samples[0].dustGrams', { roadClass: 'primary', samples: [{ dustGrams: Number.NaN, areaM2: 1 }] }],
    [
      'standards.primary',
      { roadClass: 'primary', samples: [{ dustGrams: 1, areaM2: 1 }], standards: { primary: 0 } },
    ],
    [
      'standards.motorway',
      { roadClass: 'primary', samples: [{ dustGrams: 1, areaM2: 1 }], standards: { motorway: 3 } },
    ],
  ])('refuses bad input naming %s', (field, input) => {
    expectInvalid(() => dustLoad(input as unknown as DustLoadInput), field);
  });

  it('passes exactly when the load is within the standard, and margin = standard − load (property)', () => {
    const sample = fc.record({
      dustGrams: fc.double({ min: 0, max: 1000, noNaN: true }),
      areaM2: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 10 }), (samples) => {
        const r = dustLoad({ roadClass: 'primary', samples });
        expect(Number.isFinite(r.loadGPerM2)).toBe(true);
        expect(r.passes).toBe(r.loadGPerM2 <= r.standard);
        expect(r.margin).toBe(r.standard - r.loadGPerM2);
      }),
    );
  });
});

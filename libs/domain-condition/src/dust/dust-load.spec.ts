import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import { dustClassOf, dustLoad, type DustLoadInput } from '../index';

describe('dustLoad (以克论净)', () => {
  it('worked example: a main carriageway that passes as a whole with one dusty patch', () => {
    // (3.2 + 4.5 + 8.1) g / (1 + 1 + 1.5) m² = 15.8 / 3.5 = 4.514 g/m² ≤ 5 → passes, margin 0.486.
    // The third patch alone is 8.1 / 1.5 = 5.4 g/m², over the standard: reported, not hidden.
    const r = dustLoad({
      dustClass: 'main-carriageway',
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
    // Three points, but one patch of 1.5 m²: computed, and flagged as off the method.
    expect(r.factors.sampling).toEqual({ followsMethod: false, notes: ['1 patch(es) not of 1 m²'] });
  });

  it('follows the sampling method with three 1 m² patches, and says so', () => {
    const patch = { dustGrams: 2, areaM2: 1 };
    expect(dustLoad({ dustClass: 'footway', samples: [patch, patch, patch] }).factors.sampling).toEqual({
      followsMethod: true,
      notes: [],
    });
    expect(dustLoad({ dustClass: 'footway', samples: [patch] }).factors.sampling.notes).toEqual([
      '1 point(s) sampled; the method takes at least 3 per road',
    ]);
  });

  it("maps a road's class to the limit its carriageway or footway answers to", () => {
    expect(dustClassOf('arterial', 'carriageway')).toBe('main-carriageway');
    expect(dustClassOf('expressway', 'carriageway')).toBe('main-carriageway');
    expect(dustClassOf('branch', 'carriageway')).toBe('other-carriageway');
    expect(dustClassOf('secondary-arterial', 'carriageway')).toBe('other-carriageway');
    expect(dustClassOf('arterial', 'footway')).toBe('footway');
  });

  it('worked example: an other carriageway over its standard', () => {
    // 24 g / 2 m² = 12 g/m² > 8 (Shijiazhuang's limit outside the second ring) → fails by 4 g/m².
    const r = dustLoad({ dustClass: 'other-carriageway', samples: [{ dustGrams: 24, areaM2: 2 }] });
    expect(r).toMatchObject({ loadGPerM2: 12, standard: 8, passes: false, margin: -4 });
  });

  it('takes the bureau’s own standard over the default; exactly at the standard passes', () => {
    const r = dustLoad({
      dustClass: 'other-carriageway',
      samples: [{ dustGrams: 24, areaM2: 2 }],
      standards: { 'other-carriageway': 12 },
    });
    expect(r).toMatchObject({ standard: 12, passes: true, margin: 0 });
  });

  it('a clean road (no dust at all) passes with the whole standard as margin', () => {
    const r = dustLoad({ dustClass: 'footway', samples: [{ dustGrams: 0, areaM2: 1 }] });
    expect(r).toMatchObject({ loadGPerM2: 0, standard: 20, passes: true, margin: 20 });
  });

  it.each([
    ['samples', { dustClass: 'main-carriageway', samples: [] }],
    ['dustClass', { dustClass: 'highway', samples: [{ dustGrams: 1, areaM2: 1 }] }],
    ['samples[0].areaM2', { dustClass: 'main-carriageway', samples: [{ dustGrams: 1, areaM2: 0 }] }],
    ['samples[0].areaM2', { dustClass: 'main-carriageway', samples: [{ dustGrams: 1, areaM2: -2 }] }],
    [
      'samples[1].dustGrams',
      {
        dustClass: 'main-carriageway',
        samples: [
          { dustGrams: 1, areaM2: 1 },
          { dustGrams: -1, areaM2: 1 },
        ],
      },
    ],
    [
      'samples[0].dustGrams',
      { dustClass: 'main-carriageway', samples: [{ dustGrams: Number.NaN, areaM2: 1 }] },
    ],
    [
      'standards.main-carriageway',
      {
        dustClass: 'main-carriageway',
        samples: [{ dustGrams: 1, areaM2: 1 }],
        standards: { 'main-carriageway': 0 },
      },
    ],
    [
      'standards.motorway',
      { dustClass: 'main-carriageway', samples: [{ dustGrams: 1, areaM2: 1 }], standards: { motorway: 3 } },
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
        const r = dustLoad({ dustClass: 'main-carriageway', samples });
        expect(Number.isFinite(r.loadGPerM2)).toBe(true);
        expect(r.passes).toBe(r.loadGPerM2 <= r.standard);
        expect(r.margin).toBe(r.standard - r.loadGPerM2);
      }),
    );
  });
});

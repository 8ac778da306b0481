import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import {
  MAINTENANCE_ACTIONS,
  PAVEMENT_METHODS,
  PAVEMENT_TYPES,
  pavementCondition,
  pavementDistresses,
  type PavementInspection,
} from '../index';

const base = { pavement: 'asphalt', roadClass: 'branch', areaM2: 500 } as const;

describe('pavementCondition: one interface over every method', () => {
  it('answers each method with its own grade scale and the action the grade calls for', () => {
    // The same damage, 5 m² of potholes (or five potholes) on 500 m², under each method.
    const cjj = pavementCondition({
      ...base,
      method: 'cjj36',
      distresses: [{ type: 'pothole', quantity: 5 }],
    });
    const jtg = pavementCondition({
      ...base,
      method: 'jtg5210',
      distresses: [{ type: 'pothole', severity: 'high', quantity: 5 }],
    });
    const astm = pavementCondition({
      ...base,
      method: 'astm-d6433',
      areaM2: 225,
      distresses: [{ type: 'potholes', severity: 'medium', quantity: 1 }],
    });
    expect(['A', 'B', 'C', 'D']).toContain(cjj.grade.code);
    expect(['优', '良', '中', '次', '差']).toContain(jtg.grade.code);
    expect(['good', 'satisfactory', 'fair', 'poor', 'very-poor', 'serious', 'failed']).toContain(
      astm.grade.code,
    );
    for (const r of [cjj, jtg, astm]) {
      expect(MAINTENANCE_ACTIONS).toContain(r.action);
      expect(r.factors.distresses).toHaveLength(1);
    }
  });

  it('takes the bureau’s own grade → action map as data, and refuses a grade the method lacks', () => {
    // 坑槽 at 1 % density (5 m² of 500): deduct 25 → PCI 75, grade B on a branch road (65–80).
    const sheet: PavementInspection = {
      ...base,
      method: 'cjj36',
      distresses: [{ type: 'pothole', quantity: 5 }],
    };
    expect(pavementCondition(sheet)).toMatchObject({
      index: 75,
      grade: { code: 'B' },
      action: 'minor-repair',
    });
    expect(pavementCondition(sheet, { actions: { B: 'medium-repair' } }).action).toBe('medium-repair');
    expectInvalid(() => pavementCondition(sheet, { actions: { 优: 'routine' } }), 'options.actions.优');
    expectInvalid(
      () => pavementCondition(sheet, { actions: { B: 'paint-it' as never } }),
      'options.actions.B',
    );
  });

  it('lists the distress types an inspection accepts, each with a unit and a source', () => {
    for (const method of PAVEMENT_METHODS)
      for (const pavement of PAVEMENT_TYPES) {
        const types = pavementDistresses(method, pavement);
        expect(types.length).toBeGreaterThan(5);
        for (const t of types) {
          expect(['m2', 'm', 'count', 'slabs']).toContain(t.unit);
          expect(t.source.ref.length).toBeGreaterThan(0);
          expect(t.name.zh.length).toBeGreaterThan(0);
        }
      }
  });

  it.each([
    ['method', { ...base, method: 'paser', distresses: [] }],
    ['roadClass', { ...base, method: 'cjj36', roadClass: 'motorway', distresses: [] }],
    ['areaM2', { ...base, method: 'jtg5210', areaM2: 0, distresses: [] }],
    ['slabs', { ...base, method: 'cjj36', slabs: 20, distresses: [] }],
    ['slabs', { ...base, method: 'astm-d6433', pavement: 'cement-concrete', distresses: [] }],
    ['distresses[0].type', { ...base, method: 'cjj36', distresses: [{ type: 'corner-break', quantity: 1 }] }],
    [
      'distresses[0].severity',
      { ...base, method: 'cjj36', distresses: [{ type: 'pothole', severity: 'high', quantity: 1 }] },
    ],
    [
      'distresses[0].severity',
      { ...base, method: 'jtg5210', distresses: [{ type: 'pothole', quantity: 1 }] },
    ],
    [
      'distresses[0].quantity',
      { ...base, method: 'jtg5210', distresses: [{ type: 'pothole', severity: 'low', quantity: 501 }] },
    ],
    [
      'distresses[0].quantity',
      { ...base, method: 'astm-d6433', distresses: [{ type: 'potholes', severity: 'low', quantity: 1.5 }] },
    ],
  ])('refuses bad input, naming %s', (field, sheet) => {
    expectInvalid(() => pavementCondition(sheet as unknown as PavementInspection), field);
  });

  it('keeps every method’s index in 0–100, whatever the sheet', () => {
    const sheet = fc.constantFrom(...PAVEMENT_METHODS).chain((method) =>
      fc.constantFrom(...PAVEMENT_TYPES).chain((pavement) => {
        const types = pavementDistresses(method, pavement).filter(
          (t) => t.unit !== 'slabs' || method === 'astm-d6433',
        );
        const slabs = method === 'astm-d6433' && pavement === 'cement-concrete' ? 20 : undefined;
        return fc
          .array(
            fc.constantFrom(...types).chain((t) =>
              fc.record({
                type: fc.constant(t.type),
                ...(t.severities.length ? { severity: fc.constantFrom(...t.severities) } : {}),
                quantity:
                  t.unit === 'slabs'
                    ? fc.constant(20)
                    : t.unit === 'count'
                      ? fc.integer({ min: 1, max: 5 })
                      : fc.double({ min: 0.01, max: 20, noNaN: true }),
              }),
            ),
            { maxLength: 6 },
          )
          .map((distresses) => ({
            method,
            pavement,
            roadClass: 'branch',
            areaM2: 1000,
            ...(slabs && { slabs }),
            distresses,
          }));
      }),
    );
    // Every sheet is scored or refused by the catalogue (e.g. one type on more slabs than the unit
    // has); most must be scored, or the bound would be checked on nothing.
    let scored = 0;
    for (const s of fc.sample(sheet, { numRuns: 400, seed: 7 })) {
      let r;
      try {
        r = pavementCondition(s as PavementInspection);
      } catch {
        continue;
      }
      scored += 1;
      expect(Number.isFinite(r.index) && r.index >= 0 && r.index <= 100).toBe(true);
    }
    expect(scored).toBeGreaterThan(300);
  });
});

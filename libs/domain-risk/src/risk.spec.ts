import fc from 'fast-check';
import { DomainValidationError } from '@buqi/domain-kernel';
import {
  assessConsequence,
  assessLikelihood,
  assessRisk,
  PLACE_IMPORTANCE,
  PRIORITIES,
  priorityForScore,
  type RiskInput,
} from './index';

const DAY = 86_400_000;
const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const sum = (xs: readonly { contribution: number }[]) => xs.reduce((a, f) => a + f.contribution, 0);

/** A pothole-ridden road by 1号台, falling fast. */
const road: RiskInput = {
  conditionIndex: 40,
  history: [
    { at: utc('2026-01-01'), index: 52 },
    { at: utc('2026-01-31'), index: 46 },
    { at: utc('2026-03-02'), index: 40 },
  ],
  assetClass: 'road-segment',
  safetyCritical: true,
  footfallPerDay: 999,
  placeId: 'site-no1-platform',
  openedAt: utc('2026-01-31'),
  now: utc('2026-03-02'),
};

/** A worn restroom in a staff housing estate, recently improving. */
const restroom: RiskInput = {
  conditionIndex: 68,
  history: [
    { at: utc('2026-02-01'), index: 64 },
    { at: utc('2026-03-03'), index: 68 },
  ],
  assetClass: 'restroom',
  safetyCritical: false,
  footfallPerDay: 9,
  placeId: 'site-group-purchase-housing',
  openedAt: utc('2026-02-21'),
  now: utc('2026-03-03'),
};

describe('assessRisk worked examples', () => {
  it('a falling road by 1号台 is P1', () => {
    const r = assessRisk(road);
    // trend: −6 points/month (52 → 46 → 40, 30 days apart); d = (100 − 40)/100 = 0.6
    // t = 0.5 × min(6, 5)/5 = 0.5; L = 1 + 4 × 0.6 + 4 × 0.5 × (1 − 0.6) = 1 + 2.4 + 0.8 = 4.2
    expect(r.likelihood.trend.perMonth).toBeCloseTo(-6, 10);
    expect(r.likelihood.factors.map((f) => [f.name, f.contribution])).toEqual([
      ['base', 1],
      ['condition', 2.4],
      ['trend', expect.closeTo(0.8, 10)],
    ]);
    expect(r.likelihood.value).toBeCloseTo(4.2, 10);
    // C = 1 + 0.5 (road) + 1 (safety) + log10(1000)/4 = 0.75 + 1 (1号台) + 0.5 × 30/180 = 0.0833 → 4.3333
    expect(r.consequence.factors.map((f) => [f.name, f.input])).toEqual([
      ['base', null],
      ['asset class', 'road-segment'],
      ['safety-critical', true],
      ['footfall', 999],
      ['place importance', 'site-no1-platform'],
      ['shortfall age', 30],
    ]);
    expect(r.consequence.value).toBeCloseTo(1 + 0.5 + 1 + 0.75 + 1 + 0.5 / 6, 10);
    // score = 4.2 × 4.3333 = 18.2 ≥ 15 → P1; the safety floor (L ≥ 4 → P2) is already met
    expect(r.score).toBeCloseTo(18.2, 10);
    expect(r).toMatchObject({ priority: 'P1', priorityByScore: 'P1', safetyFloor: 'P2' });
    expect(r.explanation).toBe(
      'score 18.2 = likelihood 4.2 × consequence 4.333 → P1 by score; ' +
        'safety-critical with likelihood 4.2 is at least P2 (already met) → P1',
    );
  });

  it('a failing safety-critical camera is lifted to P1 by the safety floor', () => {
    const r = assessRisk({
      conditionIndex: 10,
      assetClass: 'monitoring-device',
      safetyCritical: true,
      footfallPerDay: 99,
      placeId: 'site-family-housing',
      openedAt: utc('2026-03-02'),
      now: utc('2026-03-02'),
    });
    // L = 1 + 4 × 0.9 = 4.6 (no history: no trend)
    // C = 1 + 0.3 + 1 + log10(100)/4 = 0.5 + 0.2 + 0 = 3
    // score = 4.6 × 3 = 13.8 → P2 by score; safety-critical with L ≥ 4.5 → at least P1
    expect(r.likelihood.value).toBeCloseTo(4.6, 10);
    expect(r.likelihood.factors[2]).toEqual({
      name: 'trend',
      input: null,
      contribution: 0,
      note: 'no history: no trend',
    });
    expect(r.consequence.value).toBeCloseTo(3, 10);
    expect(r.score).toBeCloseTo(13.8, 10);
    expect(r).toMatchObject({ priority: 'P1', priorityByScore: 'P2', safetyFloor: 'P1' });
  });

  it('a worn housing-estate restroom is P4, and P3 once it has been left open for over half a year', () => {
    // rising +4/month adds nothing; L = 1 + 4 × 0.32 = 2.28
    // C = 1 + 0.4 + 0 + log10(10)/4 = 0.25 + 0.2 + 0.5 × 10/180 = 0.0278 → 1.8778
    // score = 2.28 × 1.8778 = 4.2813 < 5 → P4
    const fresh = assessRisk(restroom);
    expect(fresh.likelihood.value).toBeCloseTo(2.28, 10);
    expect(fresh.likelihood.factors[2].note).toMatch(/^4 points\/month, not falling: adds nothing/);
    expect(fresh.consequence.value).toBeCloseTo(1.8778, 4);
    expect(fresh.score).toBeCloseTo(4.2813, 4);
    expect(fresh.priority).toBe('P4');
    // open 400 days: the age share is full at 180 days, 0.5 → C = 2.35; score = 2.28 × 2.35 = 5.358 → P3
    const old = assessRisk({ ...restroom, openedAt: new Date(restroom.now.getTime() - 400 * DAY) });
    expect(old.consequence.factors[5]).toMatchObject({ input: 400, contribution: 0.5 });
    expect(old.score).toBeCloseTo(5.358, 10);
    expect(old.priority).toBe('P3');
  });

  it('takes a custom place-importance table', () => {
    const table = [{ placeId: 'site-018-project', name: '018工程', weight: 0.5 }];
    const r = assessRisk({ ...restroom, placeId: 'site-018-project' }, { placeImportance: table });
    expect(r.consequence.factors[4]).toMatchObject({ input: 'site-018-project', contribution: 0.5 });
  });
});

describe('priorityForScore', () => {
  it.each([
    [25, 'P1'],
    [15, 'P1'],
    [14.99, 'P2'],
    [10, 'P2'],
    [9.99, 'P3'],
    [5, 'P3'],
    [4.99, 'P4'],
    [1, 'P4'],
  ])('%d → %s', (score, priority) => expect(priorityForScore(score)).toBe(priority));

  it('refuses a score off the scale', () => {
    expect(() => priorityForScore(0)).toThrow('score must be at least 1 (got 0)');
    expect(() => priorityForScore(Number.NaN)).toThrow(DomainValidationError);
  });

  it('never improves when the score rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 25, noNaN: true }),
        fc.double({ min: 1, max: 25, noNaN: true }),
        (a, b) => {
          const urgency = (s: number) => -PRIORITIES.indexOf(priorityForScore(s));
          expect(urgency(Math.max(a, b))).toBeGreaterThanOrEqual(urgency(Math.min(a, b)));
        },
      ),
    );
  });
});

describe('validation', () => {
  it.each([
    [{ conditionIndex: -1 }, 'conditionIndex must be at least 0 (got -1)'],
    [{ conditionIndex: Number.NaN }, 'conditionIndex must be a finite number (got NaN)'],
    [{ history: 'falling' }, 'history must be an array'],
    [{ history: [{ at: utc('2026-03-03'), index: 50 }] }, 'history[0].at must not be after now'],
    [{ assetClass: 'bridge' }, 'assetClass must be one of road-segment, restroom, monitoring-device'],
    [{ safetyCritical: 'yes' }, 'safetyCritical must be true or false (got "yes")'],
    [{ footfallPerDay: -5 }, 'footfallPerDay must be at least 0 (got -5)'],
    [{ footfallPerDay: Infinity }, 'footfallPerDay must be a finite number (got Infinity)'],
    [{ placeId: 'site-moon' }, 'placeId is not in the place-importance table (got "site-moon")'],
    [{ openedAt: utc('2026-03-05') }, 'openedAt must not be after now (2026-03-02T00:00:00.000Z)'],
    [{ now: new Date('x') }, 'now must be a valid date'],
  ])('refuses bad input, naming the field (%#)', (change, message) => {
    const call = () => assessRisk({ ...road, ...change } as RiskInput);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow(message);
  });

  it('refuses a bad importance table, naming the row', () => {
    const table = [PLACE_IMPORTANCE[0], { placeId: 'x', name: 'x', weight: 1.5 }];
    expect(() => assessRisk(road, { placeImportance: table })).toThrow(
      'placeImportance[1].weight must be at most 1 (got 1.5)',
    );
    expect(() => assessConsequence(null as never)).toThrow('input must be an object (got null)');
  });
});

describe('risk properties', () => {
  const NOW = utc('2026-03-02');
  const weights = PLACE_IMPORTANCE.map((p) => p.weight);
  const place = fc.integer({ min: 0, max: PLACE_IMPORTANCE.length - 1 });
  const input = fc.record({
    conditionIndex: fc.double({ min: 0, max: 100, noNaN: true }),
    trendStart: fc.integer({ min: 30, max: 70 }),
    /** Tenths of a point per month, so a steeper decline differs by far more than rounding. */
    slopeTenths: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
    assetClass: fc.constantFrom('road-segment', 'restroom', 'monitoring-device' as const),
    safetyCritical: fc.boolean(),
    footfallPerDay: fc.double({ min: 0, max: 50_000, noNaN: true }),
    place,
    ageDays: fc.double({ min: 0, max: 1000, noNaN: true }),
  });
  type Generated = typeof input extends fc.Arbitrary<infer T> ? T : never;
  /** Three indices 30 days apart, ending now, along the generated slope. */
  const historyOf = (start: number, slopeTenths: number) =>
    [0, 1, 2].map((m) => ({
      at: new Date(NOW.getTime() - (60 - 30 * m) * DAY),
      index: start + (m * slopeTenths) / 10,
    }));
  const toRisk = (g: Generated): RiskInput => ({
    conditionIndex: g.conditionIndex,
    history: g.slopeTenths === undefined ? undefined : historyOf(g.trendStart, g.slopeTenths),
    assetClass: g.assetClass,
    safetyCritical: g.safetyCritical,
    footfallPerDay: g.footfallPerDay,
    placeId: PLACE_IMPORTANCE[g.place].placeId,
    openedAt: new Date(NOW.getTime() - g.ageDays * DAY),
    now: NOW,
  });

  it('scores stay finite within 1–25 and the factors add up', () => {
    fc.assert(
      fc.property(input, (g) => {
        const r = assessRisk(toRisk(g));
        expect(Number.isFinite(r.score)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(1);
        expect(r.score).toBeLessThanOrEqual(25);
        for (const part of [r.likelihood, r.consequence]) {
          expect(part.value).toBeGreaterThanOrEqual(1);
          expect(part.value).toBeLessThanOrEqual(5);
          expect(sum(part.factors)).toBeCloseTo(part.value, 10);
        }
      }),
    );
  });

  it('worse condition, faster decline, more footfall, a weightier place, an older shortfall or safety never lower the score or improve the priority', () => {
    const worsening = fc.record({
      condition: fc.double({ min: 0, max: 100, noNaN: true }),
      decline: fc.integer({ min: 0, max: 50 }),
      footfall: fc.double({ min: 0, max: 50_000, noNaN: true }),
      place,
      age: fc.double({ min: 0, max: 500, noNaN: true }),
      safety: fc.boolean(),
      which: fc.constantFrom('condition', 'decline', 'footfall', 'place', 'age', 'safety', 'all'),
    });
    fc.assert(
      fc.property(input, worsening, (g, w) => {
        const on = (name: string) => w.which === name || w.which === 'all';
        const heavier = weights[w.place] >= weights[g.place] ? w.place : g.place;
        const worse: Generated = {
          ...g,
          conditionIndex: on('condition') ? Math.max(0, g.conditionIndex - w.condition) : g.conditionIndex,
          slopeTenths:
            on('decline') && g.slopeTenths !== undefined
              ? Math.max(-100, g.slopeTenths - w.decline)
              : g.slopeTenths,
          footfallPerDay: on('footfall') ? g.footfallPerDay + w.footfall : g.footfallPerDay,
          place: on('place') ? heavier : g.place,
          ageDays: on('age') ? g.ageDays + w.age : g.ageDays,
          safetyCritical: on('safety') ? g.safetyCritical || w.safety : g.safetyCritical,
        };
        const before = assessRisk(toRisk(g));
        const after = assessRisk(toRisk(worse));
        expect(after.likelihood.value).toBeGreaterThanOrEqual(before.likelihood.value);
        expect(after.consequence.value).toBeGreaterThanOrEqual(before.consequence.value);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(PRIORITIES.indexOf(after.priority)).toBeLessThanOrEqual(PRIORITIES.indexOf(before.priority));
      }),
    );
  });

  it('a safety-critical shortfall with likelihood 4 or more is at least P2', () => {
    fc.assert(
      fc.property(input, (g) => {
        const r = assessRisk(toRisk({ ...g, safetyCritical: true }));
        if (r.likelihood.value >= 4) expect(['P1', 'P2']).toContain(r.priority);
        if (r.likelihood.value >= 4.5) expect(r.priority).toBe('P1');
      }),
    );
  });

  it('likelihood alone: no history and a single point both mean no trend', () => {
    const single = assessLikelihood({ conditionIndex: 50, history: [{ at: NOW, index: 50 }] });
    expect(single.value).toBe(3); // 1 + 4 × 0.5
    expect(single.factors[2].note).toBe('1 dated index(es) on fewer than 2 dates: no trend');
  });
});

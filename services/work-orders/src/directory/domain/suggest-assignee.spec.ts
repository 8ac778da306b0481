import { DomainValidationError } from '@buqi/domain-kernel';
import {
  ON_TIME_PRIOR,
  SUGGESTION_WEIGHTS,
  suggestAssignees,
  type AssigneeCandidate,
  type OrderToAssign,
} from './suggest-assignee';

// Wednesday 4 March 2026, 10:00 Beijing time.
const WEDNESDAY = new Date('2026-03-04T02:00:00.000Z');
const beijing = (local: string) => new Date(`${local}+08:00`);

const order: OrderToAssign = { trade: 'roads', zoneId: 'NY-A', standardHours: 4 };

const crew = (id: string, over: Partial<AssigneeCandidate> = {}): AssigneeCandidate => ({
  kind: 'crew',
  id,
  name: `班组 ${id}`,
  active: true,
  trades: ['roads'],
  zones: ['NY-A'],
  capacityHoursPerDay: 16,
  calendar: 'statutory',
  openStandardHours: 0,
  record: { closed: 0, onTime: 0 },
  ...over,
});

const contractor = (id: string, over: Partial<AssigneeCandidate> = {}): AssigneeCandidate => ({
  ...crew(id, over),
  kind: 'contractor',
  name: `外包 ${id}`,
  ...over,
});

const only = (candidate: AssigneeCandidate, o: OrderToAssign = order, now = WEDNESDAY) => {
  const { ranked } = suggestAssignees(o, [candidate], now);
  expect(ranked).toHaveLength(1);
  return ranked[0];
};

describe('suggestAssignees', () => {
  it('ranks the crew serving the zone first, with the reasons for its place', () => {
    const result = suggestAssignees(
      order,
      [
        contractor('hengtai', { zones: ['XH-A'] }),
        crew('roads-1', { openStandardHours: 3.5, record: { closed: 20, onTime: 18 } }),
      ],
      WEDNESDAY,
    );
    expect(result.ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, 'roads-1'],
      [2, 'hengtai'],
    ]);
    const first = result.ranked[0];
    expect(first.reasons).toEqual([
      'serves NY-A',
      '12.5 h spare of 16 h today (3.5 h in open orders)',
      'this 4 h order fits, leaving 8.5 h',
      'on time 18/20 (90 %) in the last 90 days, scored as 87 % (weighted toward 75 %)',
      'score 80.3 = zone 40 + capacity 18.6 + on time 21.8',
    ]);
    expect(first).toMatchObject({
      kind: 'crew',
      name: '班组 roads-1',
      availableHours: 16,
      spareHours: 12.5,
      fits: true,
      factors: { zone: 1, capacity: 0.531, onTime: 0.87 },
    });
    expect(result.ranked[1].reasons[0]).toBe('does not serve NY-A (serves XH-A)');
    expect(result.excluded).toEqual([]);
  });

  it('scores the documented weighted sum of the three factors', () => {
    expect(SUGGESTION_WEIGHTS.zone + SUGGESTION_WEIGHTS.capacity + SUGGESTION_WEIGHTS.onTime).toBeCloseTo(1);
    const r = only(crew('c', { openStandardHours: 6, record: { closed: 10, onTime: 7 } }));
    const capacity = (16 - 6 - 4) / 16;
    const onTime = (7 + ON_TIME_PRIOR.rate * ON_TIME_PRIOR.orders) / (10 + ON_TIME_PRIOR.orders);
    const expected = 100 * (0.4 * 1 + 0.35 * capacity + 0.25 * onTime);
    expect(r.score).toBeCloseTo(expected, 1);
    // Best possible: the zone, nothing open, a perfect long record: close to 100, never above.
    const best = only(
      crew('best', { capacityHoursPerDay: 1000, record: { closed: 10_000, onTime: 10_000 } }),
      { ...order, standardHours: 0.01 },
    );
    expect(best.score).toBeLessThanOrEqual(100);
    expect(best.score).toBeGreaterThan(99.9);
  });

  describe('exclusion', () => {
    it('excludes a candidate without the trade, naming the trade and what it does do', () => {
      const result = suggestAssignees(
        { ...order, trade: 'plumbing' },
        [crew('roads-1', { trades: ['roads', 'cleaning'] }), crew('water-1', { trades: ['plumbing'] })],
        WEDNESDAY,
      );
      expect(result.ranked.map((r) => r.id)).toEqual(['water-1']);
      expect(result.excluded).toEqual([
        {
          kind: 'crew',
          id: 'roads-1',
          name: '班组 roads-1',
          reasons: ['does not do plumbing (给排水); its trades: roads (道路), cleaning (保洁)'],
        },
      ]);
    });

    it('excludes an inactive candidate, with every reason that applies', () => {
      const result = suggestAssignees(
        order,
        [contractor('gone', { active: false, trades: ['devices'] })],
        WEDNESDAY,
      );
      expect(result.ranked).toEqual([]);
      expect(result.excluded[0].reasons).toEqual([
        'does not do roads (道路); its trades: devices (监测设备)',
        'is inactive',
      ]);
    });

    it('answers an empty suggestion when nobody is listed', () => {
      expect(suggestAssignees(order, [], WEDNESDAY)).toEqual({ ranked: [], excluded: [] });
    });
  });

  describe('zone', () => {
    it('gives half credit for another zone of the same site, none for another site', () => {
      const sameSite = only(crew('b', { zones: ['NY-B', 'NY-C', 'XH-A'] }));
      expect(sameSite.factors.zone).toBe(0.5);
      expect(sameSite.reasons[0]).toBe('does not serve NY-A, but serves NY-B, NY-C on the same site NY');
      const elsewhere = only(crew('x', { zones: ['XH-A'] }));
      expect(elsewhere.factors.zone).toBe(0);
      expect(only(crew('none', { zones: [] })).reasons[0]).toBe('does not serve NY-A (no zones listed)');
      // Site codes are whole: NYX-A is not on site NY.
      expect(only(crew('nyx', { zones: ['NYX-A'] })).factors.zone).toBe(0);
    });

    it('lets a free crew on the same site outrank a full crew in the zone', () => {
      const { ranked } = suggestAssignees(
        order,
        [crew('full', { openStandardHours: 16 }), crew('near', { zones: ['NY-B'] })],
        WEDNESDAY,
      );
      expect(ranked.map((r) => r.id)).toEqual(['near', 'full']);
    });
  });

  describe('capacity', () => {
    it('scores 0 for an order that does not fit, and says by how much', () => {
      const r = only(crew('busy', { openStandardHours: 14 }));
      expect(r.fits).toBe(false);
      expect(r.factors.capacity).toBe(0);
      expect(r.reasons.slice(1, 3)).toEqual([
        '2 h spare of 16 h today (14 h in open orders)',
        'this 4 h order would exceed it by 2 h',
      ]);
    });

    it('says when a candidate is over capacity already', () => {
      const r = only(crew('over', { openStandardHours: 20 }));
      expect(r.spareHours).toBe(-4);
      expect(r.reasons[1]).toBe('over capacity: 20 h in open orders against 16 h today');
      expect(r.reasons[2]).toBe('this 4 h order would exceed it by 8 h');
    });

    it('ranks a candidate with no capacity set last among equals, saying so', () => {
      const r = only(crew('zero', { capacityHoursPerDay: 0 }));
      expect(r).toMatchObject({ fits: false, availableHours: 0, factors: { capacity: 0 } });
      expect(r.reasons[1]).toBe('has no capacity set (0 h per working day)');
    });

    it('counts the working days from today to the due day', () => {
      // Due Monday 9 March: Wednesday, Thursday, Friday and Monday are worked, the weekend is not.
      const due = beijing('2026-03-09T17:00:00');
      const statutory = only(crew('s', { openStandardHours: 40 }), { ...order, due });
      expect(statutory.availableHours).toBe(64);
      expect(statutory.reasons[1]).toBe(
        '24 h spare of 64 h over 4 working days to the due day 2026-03-09 (40 h in open orders)',
      );
      const sixDay = only(crew('six', { calendar: 'six-day', openStandardHours: 40 }), { ...order, due });
      expect(sixDay.availableHours).toBe(80);
      const everyDay = only(crew('all', { calendar: 'every-day', openStandardHours: 40 }), { ...order, due });
      expect(everyDay.availableHours).toBe(96);
    });

    it('counts only today for an order due later today', () => {
      const r = only(crew('c'), { ...order, due: beijing('2026-03-04T17:00:00') });
      expect(r.availableHours).toBe(16);
      expect(r.reasons[1]).toBe('16 h spare of 16 h today, the due day (0 h in open orders)');
    });

    it('counts one working day when the due time has passed, and says so', () => {
      const r = only(crew('c'), { ...order, due: beijing('2026-03-03T17:00:00') });
      expect(r.availableHours).toBe(16);
      expect(r.reasons[1]).toBe('the due time 2026-03-03T09:00:00.000Z has passed: one working day counted');
    });

    it('follows the holidays: on National Day the statutory crew is off, the shift crew is not', () => {
      const holiday = beijing('2026-10-02T10:00:00');
      const statutory = only(crew('s'), order, holiday);
      expect(statutory.reasons).toContain('is not working today (holiday 国庆节 National Day)');
      expect(statutory.reasons).toContain(
        '16 h spare of 16 h on its next working day 2026-10-08 (0 h in open orders)',
      );
      const shift = only(crew('shift', { calendar: 'every-day' }), order, holiday);
      expect(shift.reasons[1]).toBe('16 h spare of 16 h today (0 h in open orders)');
      // Due on the 5th, still within the holiday: no statutory working day before it.
      const due = beijing('2026-10-05T17:00:00');
      const none = only(crew('s'), { ...order, due }, holiday);
      expect(none).toMatchObject({ availableHours: 0, fits: false });
      expect(none.reasons).toContain(
        'has no working day from today to the due day 2026-10-05, so no hours for this order',
      );
      const shiftDue = only(crew('shift', { calendar: 'every-day' }), { ...order, due }, holiday);
      expect(shiftDue.availableHours).toBe(64);
    });

    it('works a make-up Saturday (调休) on the statutory calendar', () => {
      const makeUp = beijing('2026-10-10T09:00:00');
      const r = only(crew('s'), order, makeUp);
      expect(r.reasons[1]).toBe('16 h spare of 16 h today (0 h in open orders)');
      const ordinarySaturday = only(crew('s'), order, beijing('2026-10-17T09:00:00'));
      expect(ordinarySaturday.reasons[1]).toBe('is not working today (rest-day)');
    });

    it('falls back to weekdays past the holiday schedule, and says so', () => {
      // Wednesday 3 March 2027: the 2027 schedule is not loaded.
      const r = only(crew('s'), order, beijing('2027-03-03T10:00:00'));
      expect(r.availableHours).toBe(16);
      expect(r.reasons).toContain(
        'its holiday schedule does not reach these dates: only weekdays were counted',
      );
      const sunday = only(crew('s'), order, beijing('2027-03-07T10:00:00'));
      expect(sunday.reasons).toContain('is not working today (rest-day)');
      expect(sunday.reasons).toContain(
        '16 h spare of 16 h on its next working day 2027-03-08 (0 h in open orders)',
      );
      // The shift calendar needs no holiday schedule.
      const shift = only(crew('shift', { calendar: 'every-day' }), order, beijing('2027-03-07T10:00:00'));
      expect(shift.reasons).not.toContain(
        'its holiday schedule does not reach these dates: only weekdays were counted',
      );
    });
  });

  describe('on-time record', () => {
    it('prefers 18 of 20 to 1 of 1, and treats no record as the prior', () => {
      const { ranked } = suggestAssignees(
        order,
        [
          crew('lucky', { record: { closed: 1, onTime: 1 } }),
          crew('steady', { record: { closed: 20, onTime: 18 } }),
          crew('new'),
        ],
        WEDNESDAY,
      );
      expect(ranked.map((r) => r.id)).toEqual(['steady', 'lucky', 'new']);
      const fresh = ranked.find((r) => r.id === 'new');
      expect(fresh?.factors.onTime).toBe(ON_TIME_PRIOR.rate);
      expect(fresh?.reasons[3]).toBe('closed no orders in the last 90 days: counted as 75 %');
    });

    it('ranks a late record below a punctual one', () => {
      const { ranked } = suggestAssignees(
        order,
        [
          crew('late', { record: { closed: 20, onTime: 5 } }),
          crew('punctual', { record: { closed: 20, onTime: 20 } }),
        ],
        WEDNESDAY,
      );
      expect(ranked.map((r) => r.id)).toEqual(['punctual', 'late']);
      expect(ranked[1].reasons[3]).toBe(
        'on time 5/20 (25 %) in the last 90 days, scored as 35 % (weighted toward 75 %)',
      );
    });
  });

  describe('order of equals', () => {
    it('breaks a tie on score by spare hours, then by id, whatever the input order', () => {
      // Same zone, no record, both full to the same factor 0: the one with more spare hours first.
      const a = crew('a', { openStandardHours: 14 });
      const b = crew('b', { openStandardHours: 13 });
      const c = crew('c', { openStandardHours: 13 });
      for (const input of [
        [a, b, c],
        [c, b, a],
        [b, a, c],
      ]) {
        const { ranked } = suggestAssignees(order, input, WEDNESDAY);
        expect(ranked.map((r) => r.id)).toEqual(['b', 'c', 'a']);
        expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
      }
    });
  });

  describe('bad input', () => {
    it('refuses an order it cannot rank for, naming the field', () => {
      const bad: [Partial<OrderToAssign> & Record<string, unknown>, string][] = [
        [{ trade: 'gardening' as never }, 'trade'],
        [{ zoneId: '' }, 'zoneId'],
        [{ standardHours: 0 }, 'standardHours'],
        [{ standardHours: -1 }, 'standardHours'],
        [{ standardHours: Number.NaN }, 'standardHours'],
        [{ due: new Date('nonsense') }, 'due'],
      ];
      for (const [change, field] of bad) {
        expect(() => suggestAssignees({ ...order, ...change }, [crew('c')], WEDNESDAY)).toThrow(
          expect.objectContaining({ name: 'DomainValidationError', field }) as DomainValidationError,
        );
      }
    });

    it('treats unusable figures from the orders as a fault, not a bad request', () => {
      for (const over of [
        { openStandardHours: -1 },
        { openStandardHours: Number.POSITIVE_INFINITY },
        { record: { closed: 3, onTime: 4 } },
        { record: { closed: 1.5, onTime: 1 } },
      ]) {
        const run = () => suggestAssignees(order, [crew('c', over)], WEDNESDAY);
        expect(run).toThrow(/candidate 0 \(crew c\)/);
        expect(run).not.toThrow(DomainValidationError);
      }
    });
  });
});

import { DomainValidationError } from '@buqi/domain-kernel';
import { china, cst, only2026, thrown, with2027 } from './__fixtures__/time';
import {
  DEFAULT_SLA_POLICY,
  slaDueTimes,
  type SlaOrder,
  type SlaPolicy,
  type WorkingCalendar,
} from './index';

const due = (order: SlaOrder, now: Date = cst('2026-12-01 00:00')) =>
  slaDueTimes(china, DEFAULT_SLA_POLICY, order, now);

describe('P1: emergencies on the 24×7 clock', () => {
  it('Sat 02:00 → respond by 02:30 (+30 min), resolve by 06:00 (+240 min), weekend or not', () => {
    const times = due({ createdAt: cst('2026-03-07 02:00'), priority: 'P1' });
    expect(times.clock).toBe('24x7');
    expect(times.response.dueAt).toEqual(cst('2026-03-07 02:30'));
    expect(times.resolution.dueAt).toEqual(cst('2026-03-07 06:00'));
    expect(times.resolution.factors).toEqual({ minutes: 240, clock: '24x7' });
  });
});

describe('P2: 事不过夜, resolved by the end of the working day', () => {
  it('created Wed 30 Sep 10:00 → respond 11:00, resolve 17:30 the same day (360 working minutes left)', () => {
    const times = due({ createdAt: cst('2026-09-30 10:00'), priority: 'P2' });
    expect(times.response.dueAt).toEqual(cst('2026-09-30 11:00'));
    expect(times.resolution.dueAt).toEqual(cst('2026-09-30 17:30'));
    // 10:00→12:00 = 120, 13:30→17:30 = 240: 360 ≥ 60 cut-off.
    expect(times.resolution.factors).toEqual({
      workingDay: '2026-09-30',
      workingMinutesLeftThatDay: 360,
      cutoffMinutes: 60,
      movedToNextWorkingDay: false,
    });
  });

  it('a holiday on the deadline: created Wed 30 Sep 16:45 → end of Thu 8 Oct, after National Day', () => {
    const times = due({ createdAt: cst('2026-09-30 16:45'), priority: 'P2' });
    // 45 working minutes left < 60: the next working day. 1–7 Oct are National Day, so 8 Oct 17:30 (UTC+8).
    expect(times.resolution.dueAt.toISOString()).toBe('2026-10-08T09:30:00.000Z');
    expect(times.resolution.factors).toMatchObject({
      workingMinutesLeftThatDay: 45,
      movedToNextWorkingDay: true,
    });
    // Response: 45 min on 30 Sep, the other 15 from 8 Oct 08:30 → 08:45.
    expect(times.response.dueAt).toEqual(cst('2026-10-08 08:45'));
  });

  it('exactly 60 minutes left is not "fewer than 60": created 16:30 → 17:30 the same day', () => {
    expect(due({ createdAt: cst('2026-03-02 16:30'), priority: 'P2' }).resolution.dueAt).toEqual(
      cst('2026-03-02 17:30'),
    );
  });

  it('created exactly at the end of the working day (Mon 17:30) → end of Tuesday', () => {
    const times = due({ createdAt: cst('2026-03-02 17:30'), priority: 'P2' });
    expect(times.resolution.dueAt).toEqual(cst('2026-03-03 17:30'));
    expect(times.resolution.factors).toMatchObject({
      workingDay: '2026-03-03',
      workingMinutesLeftThatDay: 450,
    });
  });

  it('created at night (Mon 22:00) → respond Tue 09:30, resolve Tue 17:30', () => {
    const times = due({ createdAt: cst('2026-03-02 22:00'), priority: 'P2' });
    expect(times.response.dueAt).toEqual(cst('2026-03-03 09:30'));
    expect(times.resolution.dueAt).toEqual(cst('2026-03-03 17:30'));
  });

  it('before the morning start (Mon 07:00) belongs to that day → Mon 17:30', () => {
    expect(due({ createdAt: cst('2026-03-02 07:00'), priority: 'P2' }).resolution.dueAt).toEqual(
      cst('2026-03-02 17:30'),
    );
  });

  it('a make-up Saturday counts: created Fri 9 Oct 17:10 (20 min left) → Sat 10 Oct 17:30', () => {
    expect(due({ createdAt: cst('2026-10-09 17:10'), priority: 'P2' }).resolution.dueAt).toEqual(
      cst('2026-10-10 17:30'),
    );
  });
});

describe('P3: within 3 working days', () => {
  it('a holiday on the deadline: created Tue 29 Sep 10:00 → Fri 9 Oct 10:00', () => {
    const times = due({ createdAt: cst('2026-09-29 10:00'), priority: 'P3' });
    // 3 × 450 = 1350: 29 Sep 360 + 30 Sep 450 + 8 Oct 450 = 1260, then 90 from 9 Oct 08:30 → 10:00.
    // Without National Day it would have been Fri 2 Oct 10:00.
    expect(times.resolution.dueAt.toISOString()).toBe('2026-10-09T02:00:00.000Z');
    expect(times.resolution.factors).toEqual({
      workingDays: 3,
      minutesPerWorkingDay: 450,
      workingMinutes: 1350,
    });
    // Respond within 240: 10:00→12:00 (120), 13:30→15:30 (120).
    expect(times.response.dueAt).toEqual(cst('2026-09-29 15:30'));
  });

  it('created on a Saturday: the clock starts Monday 08:30 → Wed 11 Mar 17:30', () => {
    expect(due({ createdAt: cst('2026-03-07 11:00'), priority: 'P3' }).resolution.dueAt).toEqual(
      cst('2026-03-11 17:30'),
    );
  });
});

describe('P4: planned', () => {
  it('uses the planned date when there is one', () => {
    const times = due({
      createdAt: cst('2026-03-02 09:00'),
      priority: 'P4',
      plannedAt: cst('2026-04-15 12:00'),
    });
    expect(times.resolution.dueAt).toEqual(cst('2026-04-15 12:00'));
    expect(times.resolution.factors).toEqual({ plannedAt: cst('2026-04-15 12:00').toISOString() });
  });

  it('otherwise 10 working days (Mon 2 Mar 09:00 → Mon 16 Mar 09:00); respond within 1 working day', () => {
    const times = due({ createdAt: cst('2026-03-02 09:00'), priority: 'P4' });
    expect(times.resolution.dueAt).toEqual(cst('2026-03-16 09:00'));
    expect(times.response.dueAt).toEqual(cst('2026-03-03 09:00'));
  });
});

describe('holds stop the resolution clock', () => {
  it('a hold spanning a weekend adds only its working time', () => {
    // P3 created Thu 5 Mar 09:00 → unpaused due Tue 10 Mar 09:00.
    // Hold Fri 16:30 → Mon 10:00: Fri 16:30–17:30 (60) + Mon 08:30–10:00 (90) = 150 working minutes.
    // Tue 09:00 + 150 → 09:00–11:30.
    const times = due({
      createdAt: cst('2026-03-05 09:00'),
      priority: 'P3',
      holds: [{ from: cst('2026-03-06 16:30'), to: cst('2026-03-09 10:00'), reason: 'waiting for parts' }],
    });
    expect(times.resolution.unpausedDueAt).toEqual(cst('2026-03-10 09:00'));
    expect(times.resolution.pausedMinutes).toBe(150);
    expect(times.resolution.dueAt).toEqual(cst('2026-03-10 11:30'));
    expect(times.response.dueAt).toEqual(cst('2026-03-05 14:30')); // the response clock never pauses
  });

  it('merges unsorted, overlapping and zero-length holds', () => {
    // P3 created Mon 2 Mar 09:00 → Thu 5 Mar 09:00. Holds 10:30–11:15 and 11:00–11:30 merge to
    // 10:30–11:30 (60 min); 10:00–10:00 is empty. Thu 09:00 + 60 → 10:00.
    const times = due({
      createdAt: cst('2026-03-02 09:00'),
      priority: 'P3',
      holds: [
        { from: cst('2026-03-03 11:00'), to: cst('2026-03-03 11:30') },
        { from: cst('2026-03-03 10:00'), to: cst('2026-03-03 10:00') },
        { from: cst('2026-03-03 10:30'), to: cst('2026-03-03 11:15') },
      ],
    });
    expect(times.resolution.holds).toEqual([
      {
        from: cst('2026-03-03 10:30'),
        to: cst('2026-03-03 11:30'),
        open: false,
        pausedMinutes: 60,
        counted: true,
      },
    ]);
    expect(times.resolution.dueAt).toEqual(cst('2026-03-05 10:00'));
  });

  it('an open hold pauses until now', () => {
    // P2 created Mon 09:00 → 17:30. On hold since 13:00, now 15:00: 13:30–15:00 = 90 working minutes.
    // 17:30 + 90 → Tue 08:30 + 90 = 10:00.
    const times = due(
      { createdAt: cst('2026-03-02 09:00'), priority: 'P2', holds: [{ from: cst('2026-03-02 13:00') }] },
      cst('2026-03-02 15:00'),
    );
    expect(times.resolution.holds[0]).toMatchObject({
      open: true,
      to: cst('2026-03-02 15:00'),
      pausedMinutes: 90,
    });
    expect(times.resolution.dueAt).toEqual(cst('2026-03-03 10:00'));
  });

  it('on the 24×7 clock a hold adds wall time, and a hold after the deadline adds nothing', () => {
    // P1 Sat 02:00 → 06:00. Hold 03:00–04:00 adds 60 → 07:00; a hold 08:00–09:00 starts after 07:00.
    const times = due(
      {
        createdAt: cst('2026-03-07 02:00'),
        priority: 'P1',
        holds: [
          { from: cst('2026-03-07 08:00'), to: cst('2026-03-07 09:00') },
          { from: cst('2026-03-07 03:00'), to: cst('2026-03-07 04:00') },
        ],
      },
      cst('2026-03-07 10:00'),
    );
    expect(times.resolution.dueAt).toEqual(cst('2026-03-07 07:00'));
    expect(times.resolution.holds.map((h) => h.counted)).toEqual([true, false]);
    expect(times.resolution.pausedMinutes).toBe(60);
  });

  it('clips a hold to the life of the order', () => {
    // Hold Mon 08:00–10:00 on an order created 09:00: only 09:00–10:00 (60 working minutes) counts.
    const times = due({
      createdAt: cst('2026-03-02 09:00'),
      priority: 'P3',
      holds: [{ from: cst('2026-03-02 08:00'), to: cst('2026-03-02 10:00') }],
    });
    expect(times.resolution.pausedMinutes).toBe(60);
  });
});

describe('beyond the years entered: provisional due times, never refused', () => {
  const dueOn = (calendar: WorkingCalendar, order: SlaOrder, now = cst('2027-03-01 00:00')) =>
    slaDueTimes(calendar, DEFAULT_SLA_POLICY, order, now);
  const lateDecember: SlaOrder = { createdAt: cst('2026-12-30 10:00'), priority: 'P3' };

  it('P3 opened Wed 30 Dec 2026 10:00, 2027 not entered → Mon 4 Jan 2027 10:00 counted on weekdays, provisional', () => {
    // 3 × 450 = 1350: 30 Dec 10:00→17:30 (360) + 31 Dec (450) + Fri 1 Jan as a weekday (450) = 1260,
    // then 90 from Mon 4 Jan 08:30 → 10:00.
    for (const calendar of [only2026, china]) {
      const times = dueOn(calendar, lateDecember);
      expect(times.resolution.dueAt).toEqual(cst('2027-01-04 10:00'));
      expect(times.resolution).toMatchObject({ provisional: true, provisionalYears: [2027] });
      // The response (240 working minutes) falls on 30 Dec: it needed no 2027 day.
      expect(times.response).toMatchObject({ dueAt: cst('2026-12-30 15:30'), provisional: false });
      expect(times).toMatchObject({ provisional: true, provisionalYears: [2027] });
    }
  });

  it('once 2027 is entered with New Year on 1 January, the same order is due a day later, not provisional', () => {
    // 30 Dec (360) + 31 Dec (450) + Mon 4 Jan (450) = 1260, then 90 from Tue 5 Jan 08:30 → 10:00.
    const times = dueOn(with2027, lateDecember);
    expect(times.resolution.dueAt).toEqual(cst('2027-01-05 10:00'));
    expect(times).toMatchObject({ provisional: false, provisionalYears: [] });
    expect(times.resolution).toMatchObject({ provisional: false, provisionalYears: [] });
  });

  it('P2 on a make-up Saturday of 2027: Fri 19 Feb 17:10 (20 min left) → Sat 20 Feb 17:30', () => {
    const order: SlaOrder = { createdAt: cst('2027-02-19 17:10'), priority: 'P2' };
    expect(dueOn(with2027, order).resolution).toMatchObject({
      dueAt: cst('2027-02-20 17:30'),
      provisional: false,
    });
    // Without 2027 the Saturday is a rest day: Mon 22 Feb 17:30, provisional.
    expect(dueOn(only2026, order).resolution).toMatchObject({
      dueAt: cst('2027-02-22 17:30'),
      provisional: true,
      provisionalYears: [2027],
    });
  });

  it('P3 across a holiday and a weekend: Thu 31 Dec 2026 14:00 → Wed 6 Jan 2027 14:00', () => {
    // 31 Dec 14:00→17:30 (210); Fri 1 Jan holiday, Sat–Sun; Mon 4 (450) + Tue 5 (450) = 1110;
    // 240 on Wed 6 Jan: 210 to 12:00 and 30 from 13:30 → 14:00.
    const order: SlaOrder = { createdAt: cst('2026-12-31 14:00'), priority: 'P3' };
    expect(dueOn(with2027, order).resolution).toMatchObject({
      dueAt: cst('2027-01-06 14:00'),
      provisional: false,
    });
    // Not entered, Fri 1 Jan counts: Tue 5 Jan 14:00.
    expect(dueOn(only2026, order).resolution).toMatchObject({
      dueAt: cst('2027-01-05 14:00'),
      provisional: true,
    });
  });

  it('P2 across a weekend after the last year entered is still answered: Fri 31 Dec 2027 17:10 → Mon 3 Jan 2028', () => {
    const times = dueOn(
      with2027,
      { createdAt: cst('2027-12-31 17:10'), priority: 'P2' },
      cst('2028-01-01 00:00'),
    );
    expect(times.resolution).toMatchObject({
      dueAt: cst('2028-01-03 17:30'),
      provisional: true,
      provisionalYears: [2028],
    });
    // Response: 20 minutes on 31 Dec, 40 from Mon 3 Jan 08:30.
    expect(times.response).toMatchObject({ dueAt: cst('2028-01-03 09:10'), provisional: true });
  });

  it('P1 on the 24×7 clock needs no calendar: never provisional', () => {
    const times = dueOn(only2026, { createdAt: cst('2027-01-01 02:00'), priority: 'P1' });
    expect(times.resolution).toMatchObject({ dueAt: cst('2027-01-01 06:00'), provisional: false });
    expect(times.provisional).toBe(false);
  });

  it('a P4 planned date needs no calendar; its fallback of 10 working days does', () => {
    const created = cst('2026-12-21 09:00');
    const planned = dueOn(only2026, {
      createdAt: created,
      priority: 'P4',
      plannedAt: cst('2027-02-01 09:00'),
    });
    expect(planned.resolution.provisional).toBe(false);
    const fallback = dueOn(only2026, { createdAt: created, priority: 'P4' });
    expect(fallback.resolution).toMatchObject({ dueAt: cst('2027-01-04 09:00'), provisional: true });
  });

  it('a hold counts its days: provisional only when a hold that moves the due time reaches a year not entered', () => {
    // P2 created Mon 28 Dec 09:00 → 17:30 that day. A hold on 4 Jan 2027 starts after the deadline: it
    // does not count, so the due time does not depend on 2027.
    const late = dueOn(
      only2026,
      {
        createdAt: cst('2026-12-28 09:00'),
        priority: 'P2',
        holds: [{ from: cst('2027-01-04 09:00'), to: cst('2027-01-04 10:00') }],
      },
      cst('2027-01-05 00:00'),
    );
    expect(late.resolution).toMatchObject({ dueAt: cst('2026-12-28 17:30'), provisional: false });
    // P2 created Thu 31 Dec 09:00 → 17:30; on hold 16:30–17:30 (60): the deadline moves into 2027.
    const moved = dueOn(
      only2026,
      {
        createdAt: cst('2026-12-31 09:00'),
        priority: 'P2',
        holds: [{ from: cst('2026-12-31 16:30'), to: cst('2026-12-31 17:30') }],
      },
      cst('2027-01-01 00:00'),
    );
    expect(moved.resolution).toMatchObject({
      dueAt: cst('2027-01-01 09:30'),
      unpausedDueAt: cst('2026-12-31 17:30'),
      provisional: true,
      provisionalYears: [2027],
    });
  });
});

describe('due time validation', () => {
  const created = cst('2026-03-02 09:00');
  it.each([
    ['order.createdAt', () => due({ createdAt: new Date('x'), priority: 'P2' })],
    [
      'order.createdAt',
      () => due({ createdAt: cst('2026-03-02 09:00'), priority: 'P2' }, cst('2026-03-01 09:00')),
    ],
    ['order.priority', () => due({ createdAt: created, priority: 'P5' as never })],
    [
      'order.plannedAt',
      () => due({ createdAt: created, priority: 'P4', plannedAt: cst('2026-03-01 09:00') }),
    ],
    [
      'order.holds[1].to',
      () =>
        due({
          createdAt: created,
          priority: 'P2',
          holds: [{ from: created }, { from: created, to: cst('2026-03-01 09:00') }],
        }),
    ],
    [
      'order.holds[0].from',
      () => due({ createdAt: created, priority: 'P2', holds: [{ from: cst('2026-12-24 09:00') }] }),
    ],
    ['order.holds', () => due({ createdAt: created, priority: 'P2', holds: 'none' as never })],
    [
      'now',
      () =>
        slaDueTimes(china, DEFAULT_SLA_POLICY, { createdAt: created, priority: 'P2' }, new Date(Number.NaN)),
    ],
  ])('names %s', (field, fn) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error).toMatchObject({ field });
  });

  const withP1 = (p1: unknown): SlaPolicy => ({
    ...DEFAULT_SLA_POLICY,
    priorities: { ...DEFAULT_SLA_POLICY.priorities, P1: p1 as SlaPolicy['priorities']['P1'] },
  });
  it.each([
    ['policy.priorities.P1', withP1(undefined)],
    ['policy.priorities.P1.clock', withP1({ ...DEFAULT_SLA_POLICY.priorities.P1, clock: 'always' })],
    [
      'policy.priorities.P1.resolve.kind',
      withP1({ ...DEFAULT_SLA_POLICY.priorities.P1, resolve: { kind: 'working-days', days: 1 } }),
    ],
    [
      'policy.priorities.P1.respond.minutes',
      withP1({ ...DEFAULT_SLA_POLICY.priorities.P1, respond: { kind: 'within', minutes: 0 } }),
    ],
    ['policy.name', { ...DEFAULT_SLA_POLICY, name: '' }],
  ])('refuses a policy, naming %s', (field, policy) => {
    const error = thrown(() => slaDueTimes(china, policy, { createdAt: created, priority: 'P2' }, created));
    expect(error).toMatchObject({ field });
  });
});

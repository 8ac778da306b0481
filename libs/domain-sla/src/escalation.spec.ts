import { DomainValidationError } from '@buqi/domain-kernel';
import { china, cst, only2026, thrown, with2027 } from './__fixtures__/time';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_SLA_POLICY,
  escalationsDue,
  type EscalationStep,
  type WorkOrderHistory,
} from './index';

const check = (
  history: WorkOrderHistory,
  now: Date,
  ladder: readonly EscalationStep[] = DEFAULT_ESCALATION_LADDER,
) => escalationsDue(china, DEFAULT_SLA_POLICY, ladder, history, now);
const brief = (s: { stepId: string; dueAt?: Date } | null) => s && { stepId: s.stepId, dueAt: s.dueAt };

// A P2 order created Mon 2 Mar 09:00. Response due 10:00 (+60 working min); resolution due 17:30.
// 50% of the resolution time: 09:00→17:30 is 420 working minutes, half is 210: 09:00→12:00 (180)
// then 30 from 13:30 → 14:00. Leadership: 17:30 + 1 working day (450 min) → Tue 17:30.
const p2: WorkOrderHistory = { createdAt: cst('2026-03-02 09:00'), priority: 'P2' };

describe('escalationsDue', () => {
  it('lists every step with its due time', () => {
    const result = check(p2, cst('2026-03-02 09:30'));
    expect(result.steps.map(brief)).toEqual([
      { stepId: 'remind-crew', dueAt: cst('2026-03-02 14:00') },
      { stepId: 'notify-supervisor', dueAt: cst('2026-03-02 10:00') },
      { stepId: 'notify-section-chief', dueAt: cst('2026-03-02 17:30') },
      { stepId: 'notify-bureau-leadership', dueAt: cst('2026-03-03 17:30') },
    ]);
    expect(result.due).toEqual([]);
    expect(brief(result.next)).toEqual({ stepId: 'notify-supervisor', dueAt: cst('2026-03-02 10:00') });
  });

  it('at 14:30 with no response: supervisor (10:00) and crew reminder (14:00) are due, section chief next', () => {
    const result = check(p2, cst('2026-03-02 14:30'));
    expect(result.due.map(brief)).toEqual([
      { stepId: 'notify-supervisor', dueAt: cst('2026-03-02 10:00') },
      { stepId: 'remind-crew', dueAt: cst('2026-03-02 14:00') },
    ]);
    expect(brief(result.next)).toEqual({ stepId: 'notify-section-chief', dueAt: cst('2026-03-02 17:30') });
  });

  it('does not repeat steps already sent, whatever order they are listed in', () => {
    const result = check(
      {
        ...p2,
        escalationsSent: [
          { stepId: 'remind-crew', at: cst('2026-03-02 14:05') },
          { stepId: 'notify-supervisor', at: cst('2026-03-02 10:01') },
          { stepId: 'notify-supervisor', at: cst('2026-03-02 10:00') },
        ],
      },
      cst('2026-03-03 18:00'),
    );
    expect(result.due.map((s) => s.stepId)).toEqual(['notify-section-chief', 'notify-bureau-leadership']);
    expect(result.steps[1]).toMatchObject({ state: 'sent', sentAt: cst('2026-03-02 10:00') });
    expect(result.next).toBeNull();
  });

  it('drops the response step once someone has responded', () => {
    const result = check({ ...p2, respondedAt: cst('2026-03-02 09:40') }, cst('2026-03-02 14:30'));
    expect(result.due.map((s) => s.stepId)).toEqual(['remind-crew']);
    expect(result.steps[1]).toMatchObject({
      state: 'not-applicable',
      reason: 'the order has been responded to',
    });
  });

  it('a resolved order escalates nothing', () => {
    const result = check({ ...p2, resolvedAt: cst('2026-03-02 14:10') }, cst('2026-03-05 09:00'));
    expect(result.resolved).toBe(true);
    expect(result.due).toEqual([]);
    expect(result.next).toBeNull();
    expect(result.steps.every((s) => s.state === 'not-applicable')).toBe(true);
  });

  it('an empty ladder has nothing due and no next step', () => {
    const result = check(p2, cst('2026-03-05 09:00'), []);
    expect(result).toMatchObject({ due: [], next: null, steps: [] });
    expect(result.dueTimes.resolution.dueAt).toEqual(cst('2026-03-02 17:30'));
  });

  it('a step due exactly now is due', () => {
    expect(check(p2, cst('2026-03-02 10:00')).due.map((s) => s.stepId)).toEqual(['notify-supervisor']);
  });

  it('an open hold holds back the resolution steps but not the response step', () => {
    // On hold since 13:00, now 15:00: 13:30–15:00 = 90 working minutes paused.
    // Crew reminder 14:00 + 90 → 15:30; section chief 17:30 + 90 → Tue 10:00; leadership Tue 10:00 + 450 → Wed 10:00.
    const result = check({ ...p2, holds: [{ from: cst('2026-03-02 13:00') }] }, cst('2026-03-02 15:00'));
    expect(result.due.map((s) => s.stepId)).toEqual(['notify-supervisor']);
    expect(result.steps.map(brief)).toEqual([
      { stepId: 'remind-crew', dueAt: cst('2026-03-02 15:30') },
      { stepId: 'notify-supervisor', dueAt: cst('2026-03-02 10:00') },
      { stepId: 'notify-section-chief', dueAt: cst('2026-03-03 10:00') },
      { stepId: 'notify-bureau-leadership', dueAt: cst('2026-03-04 10:00') },
    ]);
    expect(brief(result.next)).toEqual({ stepId: 'remind-crew', dueAt: cst('2026-03-02 15:30') });
  });

  it('P1 at night: steps follow the 24×7 clock, leadership waits one working day after the deadline', () => {
    // Sat 02:00: respond 02:30, half of 240 min → 04:00, resolve 06:00;
    // leadership: 06:00 Sat + 450 working minutes → Mon 9 Mar 17:30.
    const result = check({ createdAt: cst('2026-03-07 02:00'), priority: 'P1' }, cst('2026-03-07 06:00'));
    expect(result.due.map(brief)).toEqual([
      { stepId: 'notify-supervisor', dueAt: cst('2026-03-07 02:30') },
      { stepId: 'remind-crew', dueAt: cst('2026-03-07 04:00') },
      { stepId: 'notify-section-chief', dueAt: cst('2026-03-07 06:00') },
    ]);
    expect(brief(result.next)).toEqual({
      stepId: 'notify-bureau-leadership',
      dueAt: cst('2026-03-09 17:30'),
    });
  });

  it('marks a step provisional when it falls in a year not entered, and moves it once the year is', () => {
    // P2 created Thu 31 Dec 2026 10:00: due 17:30 that day. Leadership, one working day later: Fri 1 Jan
    // 2027 17:30 counted as a weekday; with 2027 entered (New Year 1–3 Jan), Mon 4 Jan 17:30.
    const order: WorkOrderHistory = { createdAt: cst('2026-12-31 10:00'), priority: 'P2' };
    const at = cst('2026-12-31 11:00');
    const steps = (calendar: typeof china) =>
      escalationsDue(calendar, DEFAULT_SLA_POLICY, DEFAULT_ESCALATION_LADDER, order, at).steps.map((s) => ({
        stepId: s.stepId,
        dueAt: s.dueAt,
        provisional: s.provisional,
      }));
    expect(steps(only2026)).toEqual([
      { stepId: 'remind-crew', dueAt: cst('2026-12-31 14:30'), provisional: false },
      { stepId: 'notify-supervisor', dueAt: cst('2026-12-31 11:00'), provisional: false },
      { stepId: 'notify-section-chief', dueAt: cst('2026-12-31 17:30'), provisional: false },
      { stepId: 'notify-bureau-leadership', dueAt: cst('2027-01-01 17:30'), provisional: true },
    ]);
    expect(steps(with2027)[3]).toEqual({
      stepId: 'notify-bureau-leadership',
      dueAt: cst('2027-01-04 17:30'),
      provisional: false,
    });
  });

  it('skips steps that are not for the order’s priority', () => {
    const ladder: EscalationStep[] = [
      { id: 'duty-officer', notify: 'duty-officer', trigger: { kind: 'response-due' }, priorities: ['P1'] },
    ];
    const result = check(p2, cst('2026-03-02 11:00'), ladder);
    expect(result.steps[0]).toMatchObject({ state: 'not-applicable', reason: 'the step is not for P2' });
    expect(result.next).toBeNull();
  });
});

describe('escalation validation', () => {
  const step = DEFAULT_ESCALATION_LADDER[0];
  it.each([
    ['ladder', () => check(p2, cst('2026-03-02 11:00'), 'x' as never)],
    ['ladder[1].id', () => check(p2, cst('2026-03-02 11:00'), [step, step])],
    [
      'ladder[0].trigger.kind',
      () => check(p2, cst('2026-03-02 11:00'), [{ ...step, trigger: { kind: 'later' } as never }]),
    ],
    [
      'ladder[0].trigger.percent',
      () =>
        check(p2, cst('2026-03-02 11:00'), [
          { ...step, trigger: { kind: 'resolution-elapsed', percent: 0 } },
        ]),
    ],
    [
      'ladder[0].trigger.percent',
      () =>
        check(p2, cst('2026-03-02 11:00'), [
          { ...step, trigger: { kind: 'resolution-elapsed', percent: 150 } },
        ]),
    ],
    [
      'ladder[0].priorities[0]',
      () => check(p2, cst('2026-03-02 11:00'), [{ ...step, priorities: ['P9' as never] }]),
    ],
    [
      'order.respondedAt',
      () => check({ ...p2, respondedAt: cst('2026-03-02 12:00') }, cst('2026-03-02 11:00')),
    ],
    [
      'order.resolvedAt',
      () => check({ ...p2, resolvedAt: cst('2026-03-01 12:00') }, cst('2026-03-02 11:00')),
    ],
    [
      'order.escalationsSent[0].stepId',
      () =>
        check(
          { ...p2, escalationsSent: [{ stepId: '', at: cst('2026-03-02 10:00') }] },
          cst('2026-03-02 11:00'),
        ),
    ],
    [
      'order.escalationsSent[0].at',
      () => check({ ...p2, escalationsSent: [{ stepId: 'a', at: new Date('') }] }, cst('2026-03-02 11:00')),
    ],
  ])('names %s', (field, fn) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error).toMatchObject({ field });
  });
});

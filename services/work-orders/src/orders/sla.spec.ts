import { CHINA_MAINLAND_2026, describeDay, workingCalendar } from '@buqi/domain-sla';
import type { CalendarService } from '../calendars/calendar.service';
import type { ServiceConfig } from '../config';
import type { WorkOrderDocument } from './persistence/work-order.schema';
import { Sla } from './sla';

// The SLA as work orders wire it, on the 2026 calendar, with the clock passed in (no waiting).
const calendar = workingCalendar(CHINA_MAINLAND_2026);
const sla = new Sla(
  { SLA_POLICY: '' } as ServiceConfig,
  { calendar: async () => calendar } as unknown as CalendarService,
);
const beijing = (local: string) => new Date(`${local}+08:00`);
const localDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const order = (
  createdAt: Date,
  priority: WorkOrderDocument['priority'],
  extra: Partial<WorkOrderDocument> = {},
) =>
  ({
    _id: 'wo-1',
    createdAt,
    priority,
    holds: [],
    escalations: [],
    state: 'assigned',
    ...extra,
  }) as unknown as WorkOrderDocument;

describe('SLA and ladder wiring', () => {
  it('counts a P3 opened before National Day from after the holiday, onto the make-up Saturday', async () => {
    const opened = beijing('2026-09-30T16:00:00');
    const due = await sla.due(order(opened, 'P3'), opened);
    expect(describeDay(calendar, due.resolveBy).working).toBe(true);
    // 2026-10-01..07 are days off; 10-08, 10-09 and the make-up Saturday 10-10 are working days.
    expect(localDay(due.resolveBy) >= '2026-10-08').toBe(true);
    expect(localDay(due.resolveBy) <= '2026-10-10').toBe(true);
    expect(due.provisional).toBeUndefined();
  });

  it('keeps 事不过夜: a P2 opened with little of the day left is due by the end of the next working day', async () => {
    const lateFriday = beijing('2026-10-09T17:20:00');
    const due = await sla.due(order(lateFriday, 'P2'), lateFriday);
    // Saturday 10-10 is a make-up working day, so the next working day is that Saturday.
    expect(localDay(due.resolveBy)).toBe('2026-10-10');
    const morning = beijing('2026-10-09T09:00:00');
    expect(localDay((await sla.due(order(morning, 'P2'), morning)).resolveBy)).toBe('2026-10-09');
  });

  it('does not run the working clock over a weekend: nothing escalates on Sunday that was not due on Friday', async () => {
    const friday = beijing('2026-11-27T16:00:00');
    const o = order(friday, 'P3');
    const fridayEvening = await sla.escalations(o, beijing('2026-11-27T17:59:00'));
    const sunday = await sla.escalations(o, beijing('2026-11-29T20:00:00'));
    expect(sunday.due.map((s) => s.stepId)).toEqual(fridayEvening.due.map((s) => s.stepId));
    expect(sunday.next?.dueAt && localDay(sunday.next.dueAt) >= '2026-11-30').toBe(true);
  });

  it('sends nothing for an order resolved, and each step once: a sent step is not due again', async () => {
    const opened = beijing('2026-11-30T09:00:00');
    const much = beijing('2026-12-31T09:00:00');
    const open = await sla.escalations(order(opened, 'P2'), much);
    expect(open.due.length).toBeGreaterThan(0);
    const sent = open.due.map((s) => ({
      stepId: s.stepId,
      notify: s.notify,
      dueAt: s.dueAt ?? much,
      at: much,
      recipients: [],
    }));
    expect((await sla.escalations(order(opened, 'P2', { escalations: sent }), much)).due).toEqual([]);
    expect(
      (await sla.escalations(order(opened, 'P2', { resolvedAt: beijing('2026-11-30T10:00:00') }), much)).due,
    ).toEqual([]);
  });

  it('moves the due time by a hold, and marks a due time beyond the entered years provisional', async () => {
    const opened = beijing('2026-11-30T09:00:00');
    const plain = await sla.due(order(opened, 'P3'), opened);
    const held = await sla.due(
      order(opened, 'P3', {
        holds: [{ from: beijing('2026-11-30T10:00:00'), to: beijing('2026-12-01T10:00:00'), reason: '等料' }],
      }),
      beijing('2026-12-01T11:00:00'),
    );
    expect(held.resolveBy.getTime()).toBeGreaterThan(plain.resolveBy.getTime());
    const december = beijing('2026-12-30T10:00:00');
    const late = await sla.due(order(december, 'P3'), december);
    expect(late).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });
});

import { CHINA_MAINLAND_2026, workingCalendar } from '@buqi/domain-sla';
import { dayToSweep, dueAndNotDone } from './day-end';

const calendar = workingCalendar(CHINA_MAINLAND_2026);
const beijing = (local: string) => new Date(`${local}+08:00`);

describe('the end-of-working-day sweep', () => {
  it('runs after a working day’s hours, on a make-up Saturday too, never on a holiday or weekend', () => {
    expect(dayToSweep(calendar, beijing('2026-11-30T12:00:00'))).toBeUndefined();
    expect(dayToSweep(calendar, beijing('2026-11-30T23:00:00'))?.date).toBe('2026-11-30');
    expect(dayToSweep(calendar, beijing('2026-10-10T23:00:00'))?.date).toBe('2026-10-10'); // make-up Saturday
    expect(dayToSweep(calendar, beijing('2026-10-03T23:00:00'))).toBeUndefined(); // National Day
    expect(dayToSweep(calendar, beijing('2026-11-28T23:00:00'))).toBeUndefined(); // Saturday
  });

  it('lists what was due by the day’s end and is not done, per department', () => {
    const end = beijing('2026-11-30T17:30:00');
    const orders = [
      { id: 'a', department: 'general-affairs', due: { resolveBy: beijing('2026-11-30T12:00:00') } },
      { id: 'b', department: 'general-affairs', due: { resolveBy: beijing('2026-12-01T12:00:00') } },
      { id: 'c', department: 'security', due: { resolveBy: beijing('2026-11-27T12:00:00') } },
    ];
    const got = dueAndNotDone(orders, end);
    expect([...got.keys()].sort()).toEqual(['general-affairs', 'security']);
    expect(got.get('general-affairs')?.map((o) => o.id)).toEqual(['a']);
  });
});

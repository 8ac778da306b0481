import { AuditTrail } from '@buqi/auth';
import { DEFAULT_SLA_POLICY, describeDay, slaDueTimes } from '@buqi/domain-sla';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { CalendarService, type YearEntered } from './calendar.service';

// Working calendars through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let calendars: CalendarService;
const token: Record<string, string> = {};
const PEOPLE: Record<string, string[]> = {
  admin: ['admin'],
  crew: ['crew-member'],
  supervisor: ['supervisor'],
};

/** Beijing time: `cst('2027-01-04 10:00')`. */
const cst = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

// 2027 for the test (the real schedule comes out in November 2026): New Year Fri 1 – Sun 3 January,
// National Day Fri 1 – Thu 7 October, and a make-up Saturday, 9 October.
const YEAR_2027 = {
  holidays: [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦 New Year' })),
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2027-10-0${d}`, name: '国庆节 National Day' })),
  ],
  makeUpWorkdays: [{ date: '2027-10-09', name: '国庆节调休' }],
  reason: '国务院办公厅关于2027年部分节假日安排的通知',
};

const call = (method: string, path: string, who?: string, body?: unknown, headers?: Record<string, string>) =>
  service.call(method, path, {
    ...(who && { token: token[who] }),
    ...(body !== undefined && { body }),
    ...(headers && { headers }),
  });

type Problem = { errors?: { field: string; value?: unknown; reason: string }[] };
const fieldsOf = (body: Record<string, unknown>) =>
  ((body as Problem).errors ?? []).map((e) => ({ field: e.field, value: e.value }));

beforeAll(async () => {
  service = await startServiceApp('calendars');
  for (const [who, roles] of Object.entries(PEOPLE))
    token[who] = await service.issuer.token({ sub: `u-${who}`, name: who, roles });
  calendars = service.app.get(CalendarService);
});

afterAll(() => service?.close());

describe('working calendars', () => {
  it('is seeded with 2026 from the library on first use, readable by any signed-in role', async () => {
    expect((await call('GET', '/calendars')).status).toBe(401);
    const list = await call('GET', '/calendars', 'crew');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      years: [2026],
      items: [{ year: 2026, workingDays: 248, source: 'seed', enteredBy: 'work-orders', version: 1 }],
    });
    const year = await call('GET', '/calendars/2026', 'supervisor');
    expect(year.status).toBe(200);
    expect(year.headers.get('etag')).toBe('"1"');
    const body = year.body as { holidays: { date: string }[]; makeUpWorkdays: { date: string }[] };
    expect(body.holidays).toHaveLength(33);
    expect(body.holidays[0]).toEqual({ date: '2026-01-01', name: '元旦 New Year' });
    expect(body.makeUpWorkdays.map((d) => d.date)).toContain('2026-10-10');
    expect((await call('GET', '/calendars/2027', 'crew')).status).toBe(404);
  });

  it('lets an admin enter 2027 (a crew member gets 403); GET shows it and listeners hear of it', async () => {
    expect((await call('PUT', '/calendars/2027', 'crew', YEAR_2027)).status).toBe(403);
    expect((await call('PUT', '/calendars/2027', 'supervisor', YEAR_2027)).status).toBe(403);

    const heard: YearEntered[] = [];
    const stop = calendars.onYearEntered((event) => {
      heard.push(event);
    });
    const entered = await call('PUT', '/calendars/2027', 'admin', YEAR_2027);
    stop();
    expect(entered.status).toBe(201);
    expect(entered.headers.get('location')).toBe('/calendars/2027');
    expect(entered.headers.get('etag')).toBe('"1"');
    // 2027: 261 weekdays − 1 Jan − 1, 4, 5, 6, 7 Oct (the 2nd and 3rd are a weekend) + 9 Oct = 256.
    expect(entered.body).toMatchObject({
      year: 2027,
      workingDays: 256,
      source: 'admin',
      enteredBy: 'u-admin',
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ year: 2027, first: true, by: 'u-admin', reason: YEAR_2027.reason });
    expect(describeDay(heard[0].calendar, cst('2027-01-01 10:00'))).toMatchObject({ reason: 'holiday' });

    const read = await call('GET', '/calendars/2027', 'crew');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      holidays: YEAR_2027.holidays,
      makeUpWorkdays: YEAR_2027.makeUpWorkdays,
      reason: YEAR_2027.reason,
      version: 1,
    });
    expect((await call('GET', '/calendars', 'crew')).body).toMatchObject({ years: [2026, 2027] });

    const audit = await service.app
      .get(AuditTrail)
      .list({ resourceType: 'working-calendar-year', resourceId: '2027', skip: 0, limit: 10 });
    expect(audit.items.map((r) => [r.action, r.actor.id])).toEqual([['calendar.enter-year', 'u-admin']]);
  });

  it('corrects a year entered, guarded by If-Match when sent', async () => {
    const corrected = { ...YEAR_2027, reason: 'adds nothing; a correction of the reason' };
    const ok = await call('PUT', '/calendars/2027', 'admin', corrected, { 'If-Match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, reason: corrected.reason });
    const stale = await call('PUT', '/calendars/2027', 'admin', corrected, { 'If-Match': '"1"' });
    expect(stale.status).toBe(409);
    expect(
      (
        await call(
          'PUT',
          '/calendars/2031',
          'admin',
          { ...corrected, holidays: [], makeUpWorkdays: [] },
          { 'If-Match': '"1"' },
        )
      ).status,
    ).toBe(404);
  });

  it('refuses a body of the wrong shape with 400, listing every bad field', async () => {
    const bad = await call('PUT', '/calendars/2028', 'admin', {
      holidays: [{ date: '2028/01/01', name: '' }],
      makeUpWorkdays: 'none',
      extra: true,
    });
    expect(bad.status).toBe(400);
    const fields = fieldsOf(bad.body).map((f) => f.field);
    for (const field of ['holidays[0].date', 'holidays[0].name', 'makeUpWorkdays', 'reason', 'extra'])
      expect(fields.join(' ')).toContain(field);
    expect((await call('PUT', '/calendars/1999', 'admin', YEAR_2027)).status).toBe(400);
  });

  it('refuses dates that do not fit with 422, naming every field and value', async () => {
    const bad = await call('PUT', '/calendars/2028', 'admin', {
      holidays: [
        { date: '2028-01-01', name: '元旦' },
        { date: '2027-12-31', name: '元旦' }, // not in 2028
        { date: '2028-01-01', name: '元旦' }, // listed twice
        { date: '2028-02-30', name: '春节' }, // no such day
      ],
      makeUpWorkdays: [
        { date: '2028-01-03', name: '调休' }, // a Monday
        { date: '2028-01-01', name: '调休' }, // a Saturday, but also a holiday
        { date: '2029-01-06', name: '调休' }, // a Saturday of 2029
      ],
      reason: 'a schedule full of mistakes',
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'invalid-value', status: 422 });
    expect(fieldsOf(bad.body)).toEqual([
      { field: 'holidays[1].date', value: '2027-12-31' },
      { field: 'holidays[2].date', value: '2028-01-01' },
      { field: 'holidays[3].date', value: '2028-02-30' },
      { field: 'makeUpWorkdays[0].date', value: '2028-01-03' },
      { field: 'makeUpWorkdays[1].date', value: '2028-01-01' },
      { field: 'makeUpWorkdays[2].date', value: '2029-01-06' },
    ]);
    expect(String(bad.body['detail'])).toContain('6 fields are invalid');

    const days = Array.from({ length: 61 }, (_, i) => ({
      date: new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10),
      name: '假日',
    }));
    const many = await call('PUT', '/calendars/2028', 'admin', {
      holidays: days,
      makeUpWorkdays: [],
      reason: 'too many',
    });
    expect(many.status).toBe(422);
    expect(fieldsOf(many.body)).toEqual([{ field: 'holidays', value: 61 }]);
    expect((await call('GET', '/calendars/2028', 'admin')).status).toBe(404);
  });

  it('gives the rest of work-orders a calendar where 2027 is known and 2028 provisional', async () => {
    const calendar = await calendars.calendar();
    expect(describeDay(calendar, cst('2027-01-01 10:00'))).toEqual({
      date: '2027-01-01',
      isoWeekday: 5,
      working: false,
      reason: 'holiday',
      name: '元旦 New Year',
    });
    expect(describeDay(calendar, cst('2027-10-09 10:00'))).toMatchObject({
      working: true,
      reason: 'make-up-workday',
    });
    expect(describeDay(calendar, cst('2028-01-03 10:00'))).toMatchObject({
      working: true,
      provisional: true,
    });
    expect(await calendars.calendar()).toBe(calendar); // cached

    // An order opened Wed 30 Dec 2026 10:00 with 3 working days: 30 Dec (360) + 31 Dec (450) + Mon 4 Jan
    // (450), then 90 → Tue 5 Jan 10:00, not provisional; one opened Thu 30 Dec 2027 is provisional (2028).
    const now = cst('2028-03-01 00:00');
    const known = slaDueTimes(
      calendar,
      DEFAULT_SLA_POLICY,
      { createdAt: cst('2026-12-30 10:00'), priority: 'P3' },
      now,
    );
    expect(known).toMatchObject({ provisional: false, resolution: { dueAt: cst('2027-01-05 10:00') } });
    const guessed = slaDueTimes(
      calendar,
      DEFAULT_SLA_POLICY,
      { createdAt: cst('2027-12-30 10:00'), priority: 'P3' },
      now,
    );
    expect(guessed).toMatchObject({ provisional: true, provisionalYears: [2028] });
  });
});

import { DomainValidationError } from '@buqi/domain-kernel';
import { contractor, crew, department, person, siteOfZone, type Crew, type Person } from './directory';
import { TRADE_IDS, TRADES, tradeLabel } from './trades';
import { WORKING_CALENDAR_IDS, calendarDay, nextWorkingDay, workingDaysBetween } from './working-calendars';

const zhang: Person = {
  id: 'u-zhang',
  name: ' 张伟 ',
  roles: ['crew-member', 'crew-member'],
  department: 'general-affairs',
  crew: 'roads-1',
  phone: ' 13812345678 ',
  email: '',
  active: true,
};

const roads: Crew = {
  id: 'roads-1',
  name: '道路一班',
  department: 'general-affairs',
  trades: ['roads', 'roads', 'cleaning'],
  zones: ['NY-A', 'NY-A'],
  capacityHoursPerDay: 32,
  calendar: 'statutory',
  active: true,
};

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.field;
    throw error;
  }
  return undefined;
};

describe('the directory', () => {
  it('keeps a department with its name trimmed', () => {
    expect(department({ id: 'general-affairs', name: ' 综合处 ', active: true })).toEqual({
      id: 'general-affairs',
      name: '综合处',
      active: true,
    });
    expect(field(() => department({ id: 'x', name: '   ', active: true }))).toBe('name');
  });

  it('keeps a person tidy: roles once each, blanks dropped, text trimmed', () => {
    expect(person(zhang)).toEqual({
      id: 'u-zhang',
      name: '张伟',
      roles: ['crew-member'],
      department: 'general-affairs',
      crew: 'roads-1',
      phone: '13812345678',
      active: true,
    });
  });

  it('puts a crew member in a crew and contractor staff with a contractor, never both', () => {
    expect(field(() => person({ ...zhang, crew: undefined }))).toBe('crew');
    expect(field(() => person({ ...zhang, roles: ['contractor'], crew: undefined }))).toBe('contractor');
    expect(field(() => person({ ...zhang, contractor: 'hengtai' }))).toBe('contractor');
    expect(field(() => person({ ...zhang, roles: [] }))).toBe('roles');
    // A supervisor may lead a crew without being its member by role.
    expect(person({ ...zhang, roles: ['supervisor'] }).crew).toBe('roads-1');
    expect(person({ ...zhang, roles: ['supervisor'], crew: undefined })).not.toHaveProperty('crew');
  });

  it('keeps a crew’s trades and zones once each, and refuses one without a trade', () => {
    expect(crew(roads)).toMatchObject({ trades: ['roads', 'cleaning'], zones: ['NY-A'] });
    expect(field(() => crew({ ...roads, trades: [] }))).toBe('trades');
    expect(field(() => crew({ ...roads, capacityHoursPerDay: -1 }))).toBe('capacityHoursPerDay');
    expect(field(() => crew({ ...roads, capacityHoursPerDay: Number.NaN }))).toBe('capacityHoursPerDay');
  });

  it('keeps a contractor’s contact and contract number', () => {
    const kept = contractor({
      ...roads,
      id: 'hengtai',
      name: '恒泰物业',
      contact: { name: ' 李经理 ', phone: '13987654321', email: ' li@hengtai.cn ' },
      contractNumber: ' BQ-2026-017 ',
    });
    expect(kept).toMatchObject({
      contact: { name: '李经理', phone: '13987654321', email: 'li@hengtai.cn' },
      contractNumber: 'BQ-2026-017',
    });
    expect(kept).not.toHaveProperty('department');
    expect(
      field(() =>
        contractor({ ...roads, contact: { name: ' ' }, contractNumber: 'BQ-1' } as Parameters<
          typeof contractor
        >[0]),
      ),
    ).toBe('contact.name');
  });

  it('reads the site from a zone id', () => {
    expect(siteOfZone('NY-A')).toBe('NY');
    expect(siteOfZone('XH-B12')).toBe('XH');
    expect(siteOfZone('NY')).toBe('NY');
  });
});

describe('trades and calendars as data', () => {
  it('lists each trade once, with a Chinese name', () => {
    expect(new Set(TRADE_IDS).size).toBe(TRADES.length);
    expect(TRADE_IDS).toEqual(
      expect.arrayContaining(['roads', 'restrooms', 'devices', 'cleaning', 'electrical', 'plumbing']),
    );
    expect(tradeLabel('plumbing')).toBe('plumbing (给排水)');
    expect(tradeLabel('unknown')).toBe('unknown');
  });

  it('builds every calendar, each working some day of any week', () => {
    const monday = new Date('2026-03-02T02:00:00Z');
    for (const id of WORKING_CALENDAR_IDS) {
      const week = workingDaysBetween(id, monday, new Date(monday.getTime() + 6 * 86_400_000));
      expect(week.days.length).toBeGreaterThanOrEqual(5);
    }
    expect(calendarDay('statutory', new Date('2026-10-01T02:00:00Z'))).toEqual({
      date: '2026-10-01',
      working: false,
      why: 'holiday 国庆节 National Day',
      assumed: false,
    });
    expect(calendarDay('statutory', new Date('2026-09-20T02:00:00Z')).why).toBe('make-up workday 国庆节调休');
    expect(nextWorkingDay('statutory', new Date('2026-10-01T02:00:00Z'))?.date).toBe('2026-10-08');
    expect(nextWorkingDay('six-day', new Date('2026-10-01T02:00:00Z'))?.date).toBe('2026-10-08');
    expect(nextWorkingDay('every-day', new Date('2026-10-01T02:00:00Z'))?.date).toBe('2026-10-01');
  });

  it('takes the day in Beijing time, not UTC', () => {
    // 23:30 UTC on Friday 6 March is 07:30 on Saturday 7 March in Beijing.
    expect(calendarDay('statutory', new Date('2026-03-06T23:30:00Z'))).toMatchObject({
      date: '2026-03-07',
      working: false,
    });
  });
});

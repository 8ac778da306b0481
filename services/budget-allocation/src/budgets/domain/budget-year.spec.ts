import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { commitment, newCrossings, openYear, reviseLimits, shortfallOf } from './budget-year';

const year = openYear(2027, {
  envelopes: { maintenance: 1_000, 'emergency-reserve': 200 },
  departmentCaps: { 'general-affairs': 300 },
  zoneCaps: { 'NY-A': 500 },
});
const c = (amountFen: number, over: Partial<Parameters<typeof commitment>[0]> = {}) =>
  commitment({
    id: 'r1',
    envelope: 'maintenance',
    amountFen,
    department: 'general-affairs',
    reason: 'x',
    ...over,
  });

describe('a budget year', () => {
  it('opens every envelope, 0 where not given, with all of it available', () => {
    expect(year.envelopes.capital).toEqual({ limitFen: 0, committedFen: 0, availableFen: 0, actualFen: 0 });
    expect(year.envelopes.maintenance.availableFen).toBe(1_000);
    expect(year.departmentCaps['general-affairs']).toEqual({
      limitFen: 300,
      committedFen: 0,
      availableFen: 300,
    });
  });

  it('refuses negative, fractional and inexact money and impossible years, naming the field', () => {
    expect(() => openYear(2027, { envelopes: { capital: -1 } })).toThrow(DomainValidationError);
    expect(() => openYear(2027, { zoneCaps: { 'NY-A': 0.5 } })).toThrow('zoneCaps.NY-A');
    expect(() => openYear(2027, { envelopes: { capital: 2 ** 60 } })).toThrow('envelopes.capital');
    expect(() => openYear(1999, {})).toThrow('fiscalYear');
    expect(() => c(0)).toThrow('amountFen');
  });

  it('names the first limit a commitment would pass: the envelope, then the department, then the zone', () => {
    expect(shortfallOf(year, c(300))).toBeUndefined();
    expect(shortfallOf(year, c(301))).toEqual({
      field: 'departmentCaps.general-affairs',
      availableFen: 300,
      amountFen: 301,
    });
    expect(shortfallOf(year, c(201, { envelope: 'emergency-reserve' }))).toEqual({
      field: 'envelopes.emergency-reserve',
      availableFen: 200,
      amountFen: 201,
    });
    // An uncapped department and zone draw on the envelope alone.
    expect(shortfallOf(year, c(900, { department: 'security', zoneId: 'BY-B' }))).toBeUndefined();
    expect(shortfallOf(year, c(600, { department: 'security', zoneId: 'NY-A' }))?.field).toBe(
      'zoneCaps.NY-A',
    );
  });

  it('sums several commitments on each limit they share: together they may pass one that each fits', () => {
    expect(shortfallOf(year, [c(150), c(150)])).toBeUndefined();
    expect(shortfallOf(year, [c(150), c(151)])).toEqual({
      field: 'departmentCaps.general-affairs',
      availableFen: 300,
      amountFen: 301,
    });
    // Different departments, one envelope: only the envelope adds them up.
    expect(shortfallOf(year, [c(300), c(800, { department: 'security', zoneId: 'BY-B' })])?.field).toBe(
      'envelopes.maintenance',
    );
  });

  it('revises limits but never below what is committed, adding new caps empty', () => {
    const committed = {
      ...year,
      envelopes: {
        ...year.envelopes,
        maintenance: { ...year.envelopes.maintenance, committedFen: 400, availableFen: 600 },
      },
    } as typeof year;
    const raised = reviseLimits(committed, {
      envelopes: { maintenance: 2_000 },
      departmentCaps: { security: 50 },
    });
    expect(raised.envelopes.maintenance).toMatchObject({
      limitFen: 2_000,
      committedFen: 400,
      availableFen: 1_600,
    });
    expect(raised.departmentCaps['security']).toEqual({ limitFen: 50, committedFen: 0, availableFen: 50 });
    expect(() => reviseLimits(committed, { envelopes: { maintenance: 399 } })).toThrow(ConflictError);
    expect(() => reviseLimits(committed, { envelopes: { maintenance: 399 } })).toThrow(
      '400 fen is already committed',
    );
  });

  it('finds the 80 % and 100 % levels reached and not yet announced', () => {
    const at = (committedFen: number) =>
      ({
        ...year,
        envelopes: {
          ...year.envelopes,
          maintenance: { ...year.envelopes.maintenance, committedFen, availableFen: 1_000 - committedFen },
        },
      }) as typeof year;
    expect(newCrossings(at(799), {})).toEqual([]);
    expect(newCrossings(at(800), {}).map((c) => [c.envelope, c.thresholdPct])).toEqual([['maintenance', 80]]);
    expect(newCrossings(at(1_000), { maintenance: { 80: new Date() } }).map((c) => c.thresholdPct)).toEqual([
      100,
    ]);
    expect(newCrossings(at(1_000), { maintenance: { 80: 1, 100: 1 } })).toEqual([]);
    // An envelope of 0 has nothing to alert about.
    expect(newCrossings(year, {}).filter((c) => c.envelope === 'capital')).toEqual([]);
  });
});

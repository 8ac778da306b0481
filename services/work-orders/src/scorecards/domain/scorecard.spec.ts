import { DomainValidationError } from '@buqi/domain-kernel';
import { scorecards, type ScoredOrder, type ScorecardKind } from './scorecard';

const due = new Date('2026-11-20T10:00:00Z');
const early = new Date('2026-11-19T10:00:00Z');
const late = new Date('2026-11-21T10:00:00Z');

const ORDERS: ScoredOrder[] = [
  {
    id: 'c1',
    department: 'roads',
    assignee: { kind: 'crew', id: 'crew-1' },
    standardHours: 34,
    labourHours: 30.5,
    resolvedAt: early,
    resolveBy: due,
    rating: 'excellent',
    reopened: false,
  },
  {
    id: 'c2',
    department: 'roads',
    assignee: { kind: 'crew', id: 'crew-1' },
    standardHours: 2.1,
    labourHours: 3.2,
    resolvedAt: late,
    resolveBy: due,
    rating: 'perfect',
    reopened: true,
  },
  // Resolved exactly when due: on time.
  {
    id: 'c3',
    department: 'roads',
    assignee: { kind: 'crew', id: 'crew-1' },
    standardHours: 0.2,
    labourHours: 0.1,
    resolvedAt: due,
    resolveBy: due,
    rating: 'good',
    reopened: false,
  },
  {
    id: 'k1',
    department: 'roads',
    assignee: { kind: 'contractor', id: 'ctr-a' },
    standardHours: 8,
    labourHours: 10,
    resolvedAt: early,
    resolveBy: due,
    rating: 'outstanding',
    reopened: true,
  },
  {
    id: 'p1',
    department: 'parks',
    assignee: { kind: 'person', id: 'u-1' },
    standardHours: 1,
    labourHours: 1,
    resolvedAt: early,
    resolveBy: due,
    reopened: false,
  },
];

describe('monthly scorecards', () => {
  it('credit a crew the standard hours of its verified orders, beside the hours it logged', () => {
    expect(scorecards('crew', ORDERS)).toEqual([
      {
        kind: 'crew',
        id: 'crew-1',
        ordersClosed: 3,
        standardHoursEarned: 36.3, // 34 + 2.1 + 0.2
        hoursLogged: 33.8, // 30.5 + 3.2 + 0.1
        onTime: 2,
        onTimeRate: 0.6667, // 2 / 3
        averageRating: 2.33, // (2 + 4 + 1) / 3
        ratings: { good: 1, excellent: 1, outstanding: 0, perfect: 1 },
        reopened: 1,
        reopenRate: 0.3333,
      },
    ]);
  });

  it('score contractors on their own orders only', () => {
    expect(scorecards('contractor', ORDERS)).toEqual([
      expect.objectContaining({
        id: 'ctr-a',
        ordersClosed: 1,
        standardHoursEarned: 8,
        hoursLogged: 10,
        onTimeRate: 1,
        averageRating: 3,
        reopenRate: 1,
      }),
    ]);
  });

  it('score departments on every order of theirs, whoever did it; no rating is null, not 0', () => {
    const [parks, roads] = scorecards('department', ORDERS);
    expect(roads).toMatchObject({
      id: 'roads',
      ordersClosed: 4,
      standardHoursEarned: 44.3, // 36.3 + 8
      hoursLogged: 43.8, // 33.8 + 10
      onTime: 3,
      onTimeRate: 0.75,
      averageRating: 2.5, // (2 + 4 + 1 + 3) / 4
      reopened: 2,
      reopenRate: 0.5,
    });
    expect(parks).toMatchObject({ id: 'parks', ordersClosed: 1, averageRating: null, reopenRate: 0 });
  });

  it('give nothing for a month without orders, and refuse an unknown kind', () => {
    expect(scorecards('crew', [])).toEqual([]);
    expect(() => scorecards('person' as ScorecardKind, ORDERS)).toThrow(DomainValidationError);
  });

  it('count an order never resolved as late', () => {
    const [card] = scorecards('crew', [{ ...ORDERS[0], resolvedAt: undefined }]);
    expect(card).toMatchObject({ onTime: 0, onTimeRate: 0 });
  });
});

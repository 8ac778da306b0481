import { DomainValidationError } from '@buqi/domain-kernel';
import { monthOf, monthPeriod } from './month';
import {
  DEFAULT_DEDUCTION_RULES,
  deductionRules,
  exactDecimal,
  settle,
  type OrderToSettle,
  type QuotaPrice,
} from './settlement';

const CHECKLIST = ['切割成规则形状', '清除松散材料并涂刷粘层油', '分层压实，边缘无缝隙'];
const QUOTAS: QuotaPrice[] = [
  // 6 000 + 9 500 = 15 500 fen per m2
  {
    taskType: 'pothole-patch',
    version: 1,
    unit: 'm2',
    labourFenPerUnit: 6_000,
    materialsFenPerUnit: 9_500,
    checklist: CHECKLIST,
  },
  // 6 600 + 9 900 = 16 500 fen per m2
  {
    taskType: 'pothole-patch',
    version: 2,
    unit: 'm2',
    labourFenPerUnit: 6_600,
    materialsFenPerUnit: 9_900,
    checklist: CHECKLIST,
  },
  // 12 000 + 23 450 = 35 450 fen per unit
  {
    taskType: 'fixture-replacement',
    version: 1,
    unit: 'unit',
    labourFenPerUnit: 12_000,
    materialsFenPerUnit: 23_450,
    checklist: ['出水正常', '无渗漏'],
  },
];

/** An order verified at `verifiedAt` after `rejections` rejections, with its closing checklist. */
function order(
  id: string,
  fields: Partial<OrderToSettle>,
  verifiedAt: string,
  rejections = 0,
  failed: string[] = [],
  reported: string[] = CHECKLIST,
): OrderToSettle {
  const at = new Date(verifiedAt);
  const before = (n: number) => new Date(at.getTime() - n * 3_600_000);
  return {
    id,
    taskType: 'pothole-patch',
    ...fields,
    history: [
      { action: 'create', at: before(100) },
      ...Array.from({ length: rejections }, (_, n) => [
        { action: 'complete', at: before(50 - 2 * n) },
        { action: 'reject', at: before(49 - 2 * n) },
      ]).flat(),
      { action: 'complete', at: before(1) },
      { action: 'verify', at },
    ],
    checklist: reported.map((item) => ({ item, passed: !failed.includes(item) })),
  };
}

const NOVEMBER: OrderToSettle[] = [
  // 42.5 m2 × 15 500 = 658 750; no deductions.
  order('wo-1', { quotaVersion: 1, quantity: 42.5, unit: 'm2' }, '2026-11-03T02:00:00Z'),
  // 12.35 m2 × 16 500 = 203 775; one rejection 5 % = 10 188.75 → 10 189; one failed item
  // 2 % = 4 075.5 → 4 076 (half-up); 14 265 in all, under the cap (30 % = 61 132.5 → 61 133).
  order('wo-2', { quotaVersion: 2, quantity: 12.35, unit: 'm2' }, '2026-11-10T02:00:00Z', 1, [CHECKLIST[2]]),
  // 3 × 35 450 = 106 350; five rejections 5 × 5 % = 25 % = 26 587.5 → 26 588; two failed items
  // 2 × 2 % = 4 % = 4 254; 30 842 in all, just under the cap (30 % = 31 905).
  order(
    'wo-3',
    { taskType: 'fixture-replacement', quotaVersion: 1, quantity: 3, unit: 'unit' },
    '2026-11-12T02:00:00Z',
    5,
    ['出水正常', '无渗漏'],
    ['出水正常', '无渗漏'],
  ),
  // 1 × 35 450; six rejections 6 × 5 % = 30 % = 10 635; two failed items 4 % = 1 418; 12 053 is
  // over the cap (30 % = 10 635): capped, giving back 1 418.
  order(
    'wo-4',
    { taskType: 'fixture-replacement', quotaVersion: 1, quantity: 1, unit: 'unit' },
    '2026-11-20T02:00:00Z',
    6,
    ['出水正常', '无渗漏'],
    ['出水正常', '无渗漏'],
  ),
  // Opened by hand: no quota version.
  order('wo-5', {}, '2026-11-21T02:00:00Z'),
  // A version never published.
  order('wo-6', { quotaVersion: 3, quantity: 5, unit: 'm2' }, '2026-11-22T02:00:00Z'),
  // The first instant of November in Shanghai (00:00 +08:00).
  order('wo-7', { quotaVersion: 2, quantity: 1, unit: 'm2' }, '2026-10-31T16:00:00.000Z'),
];

describe('contractor settlement', () => {
  const statement = settle({
    contractorId: 'ctr-a',
    month: '2026-11',
    orders: NOVEMBER,
    quotas: QUOTAS,
    rules: DEFAULT_DEDUCTION_RULES,
  });

  it('prices each verified order by its quota version: quantity × (labour + materials), half-up once', () => {
    expect(statement.lines.map((l) => [l.orderId, l.unitPriceFen, l.amountFen])).toEqual([
      ['wo-7', 16_500, 16_500],
      ['wo-1', 15_500, 658_750],
      ['wo-2', 16_500, 203_775],
      ['wo-3', 35_450, 106_350],
      ['wo-4', 35_450, 35_450],
    ]);
  });

  it('deducts per rejection and per failed checklist item, each rounded half-up once, within the cap', () => {
    const byId = Object.fromEntries(statement.lines.map((l) => [l.orderId, l]));
    expect(byId['wo-1'].deductions).toEqual([]);
    expect(byId['wo-2'].deductions.map((d) => [d.kind, d.count, d.fen])).toEqual([
      ['rejections', 1, 10_189],
      ['failed-checks', 1, 4_076],
    ]);
    expect(byId['wo-2']).toMatchObject({ deductionFen: 14_265, netFen: 189_510 });
    expect(byId['wo-2'].deductions[1].reason).toContain('分层压实，边缘无缝隙');
    // 26 588 + 4 254 = 30 842
    expect(byId['wo-3']).toMatchObject({ rejections: 5, deductionFen: 30_842, netFen: 75_508 });
    expect(byId['wo-4'].deductions.map((d) => [d.kind, d.fen])).toEqual([
      ['rejections', 10_635],
      ['failed-checks', 1_418],
      ['cap', -1_418],
    ]);
    expect(byId['wo-4']).toMatchObject({ deductionFen: 10_635, netFen: 24_815 });
    expect(byId['wo-4'].deductions[2].reason).toContain('30%');
  });

  it('lists orders it cannot price with the reason, never at 0', () => {
    expect(statement.unpriced.map((u) => u.orderId)).toEqual(['wo-5', 'wo-6']);
    expect(statement.unpriced[0].reason).toContain('no quota version');
    expect(statement.unpriced[1].reason).toContain('pothole-patch:3 is not in the catalogue');
  });

  it('totals exactly, to the fen, as worked out by hand', () => {
    // gross: 16 500 + 658 750 + 203 775 + 106 350 + 35 450 = 1 020 825
    // deductions: 0 + 0 + 14 265 + 30 842 + 10 635 = 55 742; net 1 020 825 − 55 742 = 965 083
    expect(statement.totals).toEqual({
      pricedOrders: 5,
      unpricedOrders: 2,
      grossFen: 1_020_825,
      deductionFen: 55_742,
      netFen: 965_083,
    });
    expect(statement).toMatchObject({
      timeZone: 'Asia/Shanghai',
      from: new Date('2026-10-31T16:00:00.000Z'),
      to: new Date('2026-11-30T16:00:00.000Z'),
    });
  });

  it('refuses an order verified outside the month (Asia/Shanghai)', () => {
    const december = order('wo-8', { quotaVersion: 1, quantity: 1 }, '2026-11-30T16:00:00.000Z');
    expect(() =>
      settle({
        contractorId: 'ctr-a',
        month: '2026-11',
        orders: [december],
        quotas: QUOTAS,
        rules: DEFAULT_DEDUCTION_RULES,
      }),
    ).toThrow(/outside 2026-11/);
  });

  it('counts quota checklist items the closure does not report as failed when the rules say so', () => {
    const partial = order(
      'wo-9',
      { quotaVersion: 1, quantity: 10, unit: 'm2' },
      '2026-11-05T00:00:00Z',
      0,
      [],
      CHECKLIST.slice(0, 2),
    );
    const strict = settle({
      contractorId: 'ctr-a',
      month: '2026-11',
      orders: [partial],
      quotas: QUOTAS,
      rules: { ...DEFAULT_DEDUCTION_RULES, unreportedItemsFail: true },
    });
    // 10 × 15 500 = 155 000; one unreported item × 2 % = 3 100.
    expect(strict.lines[0].deductions.map((d) => [d.kind, d.count, d.fen])).toEqual([
      ['failed-checks', 1, 3_100],
    ]);
    expect(strict.lines[0].failedItems).toEqual([`${CHECKLIST[2]} (not reported)`]);
    const lenient = settle({
      contractorId: 'ctr-a',
      month: '2026-11',
      orders: [partial],
      quotas: QUOTAS,
      rules: DEFAULT_DEDUCTION_RULES,
    });
    expect(lenient.lines[0].deductionFen).toBe(0);
  });

  it('does not price an order whose unit is not its quota’s', () => {
    const metres = order('wo-10', { quotaVersion: 1, quantity: 10, unit: 'm' }, '2026-11-05T00:00:00Z');
    const s = settle({
      contractorId: 'ctr-a',
      month: '2026-11',
      orders: [metres],
      quotas: QUOTAS,
      rules: DEFAULT_DEDUCTION_RULES,
    });
    expect(s.lines).toEqual([]);
    expect(s.unpriced[0].reason).toContain('"m"');
    expect(s.totals.grossFen).toBe(0);
  });

  it('takes rules only as whole basis points from 0 to 10 000', () => {
    expect(() => deductionRules({ ...DEFAULT_DEDUCTION_RULES, rejectionBp: 2.5 })).toThrow(
      DomainValidationError,
    );
    expect(() => deductionRules({ ...DEFAULT_DEDUCTION_RULES, orderCapBp: 10_001 })).toThrow(/orderCapBp/);
    expect(deductionRules(DEFAULT_DEDUCTION_RULES)).toEqual(DEFAULT_DEDUCTION_RULES);
  });
});

describe('exact quantities', () => {
  it('turn decimals into fractions of integers without floating point', () => {
    expect(exactDecimal(42.5)).toEqual({ numerator: 425, denominator: 10 });
    expect(exactDecimal(12.35)).toEqual({ numerator: 1235, denominator: 100 });
    expect(exactDecimal(3)).toEqual({ numerator: 3, denominator: 1 });
    expect(exactDecimal(1e-7)).toEqual({ numerator: 1, denominator: 10_000_000 });
    expect(exactDecimal(1e21)).toBeUndefined();
    expect(exactDecimal(-1)).toBeUndefined();
  });
});

describe('the bureau’s months', () => {
  it('run from 00:00 on the 1st to 00:00 on the next 1st, Asia/Shanghai (UTC+8)', () => {
    expect(monthPeriod('2026-12')).toEqual({
      month: '2026-12',
      from: new Date('2026-11-30T16:00:00.000Z'),
      to: new Date('2026-12-31T16:00:00.000Z'),
    });
    expect(monthOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
    expect(() => monthPeriod('2026-13')).toThrow(DomainValidationError);
  });
});

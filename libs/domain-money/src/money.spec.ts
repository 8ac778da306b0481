import fc from 'fast-check';
import { DomainValidationError } from '@buqi/domain-kernel';
import { add, allocate, compare, fen, formatCny, multiply, parseYuan, subtract, sum, type Fen } from './index';

const f = (n: number) => fen(n);

describe('fen', () => {
  it('accepts safe integers only, naming the field', () => {
    expect(fen(125_000)).toBe(125_000);
    expect(() => fen(12.5, 'costFen')).toThrow(new DomainValidationError('costFen', 12.5, 'must be a whole number of fen (a safe integer)'));
    expect(() => fen(Number.NaN)).toThrow(/got NaN/);
    expect(() => fen('100')).toThrow(DomainValidationError);
  });

  it('adds, subtracts and sums exactly, refusing results beyond safe integers', () => {
    expect(add(f(10), f(20))).toBe(30);
    expect(subtract(f(10), f(25))).toBe(-15);
    expect(sum([f(1), f(2), f(3)])).toBe(6);
    expect(sum([])).toBe(0);
    expect(() => add(f(Number.MAX_SAFE_INTEGER), f(1))).toThrow(/sum is beyond the range/);
    expect(compare(f(1), f(2))).toBe(-1);
    expect(compare(f(2), f(2))).toBe(0);
  });
});

describe('multiply', () => {
  it('applies a rate with the rounding asked for', () => {
    // 6% VAT on ¥123.45: 740.7 fen
    expect(multiply(f(12_345), 600, 10_000)).toBe(741);
    expect(multiply(f(12_345), 600, 10_000, 'down')).toBe(740);
    // exact halves: 2.5 → 3 half-up, 2 half-even; 3.5 → 4 either way
    expect(multiply(f(5), 1, 2)).toBe(3);
    expect(multiply(f(5), 1, 2, 'half-even')).toBe(2);
    expect(multiply(f(7), 1, 2, 'half-even')).toBe(4);
    expect(multiply(f(-5), 1, 2)).toBe(-3);
    expect(multiply(f(1), 1, 3, 'up')).toBe(1);
  });

  it('refuses a zero or fractional denominator', () => {
    expect(() => multiply(f(1), 1, 0)).toThrow(/denominator must be a positive safe integer \(got 0\)/);
    expect(() => multiply(f(1), 0.5)).toThrow(/numerator must be a safe integer/);
  });
});

describe('allocate', () => {
  it('splits ¥100.00 three ways so the parts add up', () => {
    expect(allocate(f(10_000), [1, 1, 1])).toEqual([3_334, 3_333, 3_333]);
    expect(allocate(f(-10), [1, 1, 1])).toEqual([-4, -3, -3]);
    expect(allocate(f(100), [0, 1])).toEqual([0, 100]);
    // -¥0.10 by 1:2 → -3.33 and -6.67: the larger loss to truncation takes the extra fen
    expect(allocate(f(-10), [1, 2])).toEqual([-3, -7]);
  });

  it('refuses weights that are empty, negative or all zero', () => {
    expect(() => allocate(f(1), [])).toThrow(/weights must be a non-empty array/);
    expect(() => allocate(f(1), [1, -1])).toThrow(/weights\[1\] must be a non-negative integer/);
    expect(() => allocate(f(1), [0, 0])).toThrow(/must not all be zero/);
  });

  it('always adds up to the total, and no part strays more than one fen from its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total as Fen, weights);
          const totalWeight = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / totalWeight)).toBeLessThan(1 + 1e-6));
        },
      ),
    );
  });
});

describe('formatting and parsing yuan', () => {
  it('formats in CNY with thousands separators', () => {
    expect(formatCny(f(123_456_789))).toBe('¥1,234,567.89');
    expect(formatCny(f(5))).toBe('¥0.05');
    expect(formatCny(f(-100))).toBe('-¥1.00');
  });

  it('parses yuan text exactly and refuses a third decimal', () => {
    expect(parseYuan('1,234.56')).toBe(123_456);
    expect(parseYuan('¥12')).toBe(1_200);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('-3.07')).toBe(-307);
    expect(() => parseYuan('1.005', 'unitPrice')).toThrow(/unitPrice must be yuan with at most two decimals.*got "1.005"/);
    expect(() => parseYuan('12,34')).toThrow(DomainValidationError);
  });

  it('round-trips every amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => expect(parseYuan(formatCny(n as Fen))).toBe(n)));
  });
});

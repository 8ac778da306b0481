import { DomainValidationError } from '@buqi/domain-kernel';

declare const fenBrand: unique symbol;
/**
 * An amount of money in fen (分), the smallest unit of the renminbi: always a safe integer.
 * Floating-point yuan never appear in calculations; they are parsed from and formatted to text.
 */
export type Fen = number & { readonly [fenBrand]: true };

export function fen(value: unknown, field = 'amount'): Fen {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainValidationError(field, value, 'must be a whole number of fen (a safe integer)');
  }
  return value as Fen;
}

export const ZERO = 0 as Fen;

function checked(result: number, field: string): Fen {
  if (!Number.isSafeInteger(result)) {
    throw new DomainValidationError(field, result, 'is beyond the range money can be computed in exactly');
  }
  return result as Fen;
}

export function add(a: Fen, b: Fen): Fen {
  return checked(fen(a, 'a') + fen(b, 'b'), 'sum');
}

export function subtract(a: Fen, b: Fen): Fen {
  return checked(fen(a, 'a') - fen(b, 'b'), 'difference');
}

export function sum(amounts: readonly Fen[]): Fen {
  if (!Array.isArray(amounts)) throw new DomainValidationError('amounts', amounts, 'must be an array');
  return amounts.reduce<Fen>((acc, a, i) => checked(acc + fen(a, `amounts[${i}]`), 'sum'), ZERO);
}

export type Rounding = 'half-up' | 'half-even' | 'down' | 'up';

/**
 * Multiplies by a rational factor `numerator/denominator` (both integers, e.g. a rate in basis
 * points over 10 000) with explicit rounding. Exact: computed in BigInt.
 */
export function multiply(amount: Fen, numerator: number, denominator = 1, rounding: Rounding = 'half-up'): Fen {
  fen(amount);
  if (!Number.isSafeInteger(numerator)) {
    throw new DomainValidationError('numerator', numerator, 'must be a safe integer');
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new DomainValidationError('denominator', denominator, 'must be a positive safe integer');
  }
  const product = BigInt(amount) * BigInt(numerator);
  return checked(Number(divideRounded(product, BigInt(denominator), rounding)), 'product');
}

function divideRounded(n: bigint, d: bigint, rounding: Rounding): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (rounding) {
    case 'down':
      return q;
    case 'up':
      return q + sign;
    case 'half-up':
      return twice >= d ? q + sign : q;
    case 'half-even':
      return twice > d || (twice === d && q % 2n !== 0n) ? q + sign : q;
  }
}

/**
 * Splits `total` in proportion to non-negative integer `weights` so that the parts add up to the
 * total exactly (largest remainder; ties go to the earlier part).
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  fen(total, 'total');
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new DomainValidationError('weights', weights, 'must be a non-empty array');
  }
  weights.forEach((w, i) => {
    if (!Number.isSafeInteger(w) || w < 0) throw new DomainValidationError(`weights[${i}]`, w, 'must be a non-negative integer');
  });
  const totalWeight = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (totalWeight === 0n) throw new DomainValidationError('weights', weights, 'must not all be zero');
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / totalWeight);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % totalWeight }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  const step = left >= 0n ? 1n : -1n;
  // The parts that lost the most to truncation get the fen left over (negative totals: by magnitude).
  const magnitude = (r: bigint) => (r < 0n ? -r : r);
  remainders.sort((a, b) => {
    const ra = magnitude(a.r);
    const rb = magnitude(b.r);
    return ra === rb ? a.i - b.i : ra > rb ? -1 : 1;
  });
  for (let k = 0; left !== 0n; k = (k + 1) % remainders.length) {
    parts[remainders[k].i] += step;
    left -= step;
  }
  return parts.map((p) => Number(p) as Fen);
}

export function compare(a: Fen, b: Fen): -1 | 0 | 1 {
  return fen(a, 'a') < fen(b, 'b') ? -1 : a > b ? 1 : 0;
}

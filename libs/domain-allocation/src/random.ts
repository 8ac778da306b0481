import { mulberry32 } from './prng';

/** Seeded draws for generated problems (benchmarks, tests, demo data). */
export interface Random {
  readonly next: () => number;
  uniform(lo: number, hi: number): number;
  integer(lo: number, hi: number): number;
  /** Log-normal with the given median and σ of the underlying normal (Box–Muller). */
  logNormal(median: number, sigma: number): number;
  pick<T>(items: readonly T[]): T;
}

export function random(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    integer: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    logNormal: (median, sigma) => {
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * normal);
    },
    pick: (items) => items[Math.floor(items.length * next())],
  };
}

/** One input's share of a score: what it was, and how much it added. */
export interface Factor {
  readonly name: string;
  readonly input: number | string | boolean | null;
  /** Added to the value; the contributions of a `Scored` add up to its value. */
  readonly contribution: number;
  readonly note: string;
}

export interface Scored {
  readonly value: number;
  readonly factors: readonly Factor[];
}

export function scored(factors: Factor[]): Scored {
  return { value: factors.reduce((total, f) => total + f.contribution, 0), factors };
}

export const BASE_FACTOR: Factor = {
  name: 'base',
  input: null,
  contribution: 1,
  note: 'the bottom of the 1–5 scale',
};

/** Numbers for notes: at most three decimals. */
export function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

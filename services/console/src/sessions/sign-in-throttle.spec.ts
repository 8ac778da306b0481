import { delayAfter, THROTTLE } from './sign-in-throttle';

describe('the sign-in delay', () => {
  it('is nothing for the first failures, then doubles, up to fifteen minutes', () => {
    expect([0, 4].map((n) => delayAfter(n, 5))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(n, 5))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(delayAfter(15, 5)).toBe(THROTTLE.maxDelayMs);
    expect(delayAfter(1_000, 5)).toBe(THROTTLE.maxDelayMs);
  });
});

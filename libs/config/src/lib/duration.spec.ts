import { formatDuration, parseDuration } from './duration';

describe('duration', () => {
  it.each([
    ['250', 250],
    ['250ms', 250],
    ['30s', 30_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    [' 5 M ', 300_000],
  ])('parses %j', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '-5s', '5w', '1e3'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [30_000, '30s'],
    [90_000, '90s'],
    [300_000, '5m'],
    [86_400_000, '1d'],
  ])('formats %d as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

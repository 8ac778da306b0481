import { bearerTokenMatches } from './metrics-token';

const token = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';

describe('bearerTokenMatches', () => {
  it('accepts exactly Bearer <token>, the scheme in any case', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the scheme alone', 'Bearer'],
    ['the token without the scheme', token],
    ['another scheme', `Basic ${token}`],
    ['a prefix of the token', `Bearer ${token.slice(0, -1)}`],
    ['the token and more', `Bearer ${token}x`],
    ['two tokens', `Bearer ${token} ${token}`],
  ])('refuses %s', (_what, header) => {
    expect(bearerTokenMatches(header, token)).toBe(false);
  });
});

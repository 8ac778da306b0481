import { checkPassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('verify against their own scrypt hash only, with a salt of their own each time', async () => {
    const a = await hashPassword('正确的马电池订书钉');
    const b = await hashPassword('正确的马电池订书钉');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('正确的马电池订书钉', a)).toBe(true);
    expect(await verifyPassword('正确的马电池订书针', a)).toBe(false);
    expect(await verifyPassword('正确的马电池订书钉', 'bcrypt$whatever')).toBe(false);
  });

  it('verify a hash made with other costs, as stored', async () => {
    const weaker = (await hashPassword('another secret')).replace(/^scrypt\$15\$/, 'scrypt$14$');
    // the same text under other parameters is simply a different (wrong) hash
    expect(await verifyPassword('another secret', weaker)).toBe(false);
  });

  it('are refused when too short or too long, without echoing them', () => {
    expect(() => checkPassword('short')).toThrow(/at least 10/);
    expect(() => checkPassword('x'.repeat(201))).toThrow(/at most 200/);
    expect(() => checkPassword('long enough password')).not.toThrow();
  });
});

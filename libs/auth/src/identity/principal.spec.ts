import { actorOf, devicePrincipal, hasAnyRole, principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('maps every Buqi claim', () => {
    expect(
      principalFromClaims({
        sub: 'u-1',
        name: '张三',
        roles: ['supervisor', 'finance'],
        department: 'dept-roads',
        crew: 'crew-7',
        contractor: 'ctr-2',
        iss: 'buqi-dev',
      }),
    ).toEqual({
      kind: 'user',
      id: 'u-1',
      name: '张三',
      roles: ['supervisor', 'finance'],
      department: 'dept-roads',
      crew: 'crew-7',
      contractor: 'ctr-2',
    });
  });

  it('drops unknown roles and duplicates, and ignores claims of the wrong type', () => {
    expect(
      principalFromClaims({ sub: 'u-2', roles: ['root', 'admin', 'admin', 7], crew: 12, name: '' }),
    ).toEqual({ kind: 'user', id: 'u-2', roles: ['admin'] });
  });

  it('gives no roles when the claim is not an array', () => {
    expect(principalFromClaims({ sub: 'u-3', roles: 'admin' })?.roles).toEqual([]);
  });

  it.each([{}, { sub: '' }, { sub: '  ' }, { sub: 42 }])('names nobody for %j', (claims) => {
    expect(principalFromClaims(claims)).toBeUndefined();
  });
});

describe('actorOf', () => {
  it('is the user or the device, kind and id only', () => {
    const user = principalFromClaims({ sub: 'u-1', name: 'n', roles: ['admin'] });
    expect(user && actorOf(user)).toEqual({ kind: 'user', id: 'u-1' });
    expect(actorOf(devicePrincipal('dev-9'))).toEqual({ kind: 'device', id: 'dev-9' });
  });
});

describe('hasAnyRole', () => {
  it('needs one of the roles; devices hold none', () => {
    const user = principalFromClaims({ sub: 'u-1', roles: ['finance'] });
    if (!user) throw new Error('no principal');
    expect(hasAnyRole(user, ['finance', 'admin'])).toBe(true);
    expect(hasAnyRole(user, ['admin'])).toBe(false);
    expect(hasAnyRole(devicePrincipal('d'), ['admin'])).toBe(false);
  });
});

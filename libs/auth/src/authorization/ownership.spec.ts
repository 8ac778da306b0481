import { ForbiddenException } from '@nestjs/common';
import { devicePrincipal, principalFromClaims, type UserPrincipal } from '../identity/principal';
import { AccessDeniedError } from './access-denied.error';
import { assertOwnership } from './ownership';

const user = (claims: Record<string, unknown>): UserPrincipal => {
  const principal = principalFromClaims({ sub: 'u-1', ...claims });
  if (!principal) throw new Error('no principal');
  return principal;
};

describe('assertOwnership', () => {
  const member = user({ roles: ['crew-member'], crew: 'crew-7' });

  it('allows the owner', () => {
    expect(() => assertOwnership(member, 'crew', 'crew-7')).not.toThrow();
    expect(() => assertOwnership(member, 'sub', 'u-1')).not.toThrow();
  });

  it('denies someone else with a 403 that does not name the owner', () => {
    const deny = () => assertOwnership(member, 'crew', 'crew-9');
    expect(deny).toThrow(AccessDeniedError);
    expect(deny).toThrow(ForbiddenException);
    expect(deny).toThrow('Access denied: this belongs to another crew (your "crew" claim does not match it)');
    try {
      deny();
    } catch (error) {
      expect((error as AccessDeniedError).getStatus()).toBe(403);
      expect((error as Error).message).not.toContain('crew-9');
    }
  });

  it('denies a principal without the claim', () => {
    expect(() => assertOwnership(user({}), 'contractor', 'ctr-1')).toThrow(
      'your token carries no "contractor" claim',
    );
  });

  it('denies when the record has no owner value', () => {
    expect(() => assertOwnership(member, 'crew', undefined)).toThrow(AccessDeniedError);
  });

  it('denies devices', () => {
    expect(() => assertOwnership(devicePrincipal('dev-1'), 'sub', 'dev-1')).toThrow(
      'a device is not its owner',
    );
  });

  it('is bypassed by one of the unless roles, and names them when denying', () => {
    const supervisor = user({ roles: ['supervisor'], crew: 'crew-1' });
    expect(() => assertOwnership(supervisor, 'crew', 'crew-9', ['supervisor', 'admin'])).not.toThrow();
    expect(() => assertOwnership(member, 'crew', 'crew-9', ['supervisor', 'admin'])).toThrow(
      'roles that may act on it anyway: supervisor, admin',
    );
  });
});

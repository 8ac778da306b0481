import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@buqi/platform';
import { AccessDeniedError } from '../authorization/access-denied.error';
import { assertOwnership } from '../authorization/ownership';
import { DeviceAuthenticator } from '../device-keys/device-authenticator';
import { hasAnyRole, type Principal } from '../identity/principal';
import type { Role } from '../identity/roles';
import { BearerAuthenticator } from '../tokens/bearer-authenticator';
import type { HttpRequest, HttpResponse } from './http-types';
import { DEVICE_AUTH_KEY, OWNER_OF_KEY, ROLES_KEY } from './metadata';
import type { OwnerOfOptions } from './owner-of.decorator';
import { setRequestPrincipal } from './request-principal';

/**
 * Every HTTP route needs a bearer token unless it is @Public() or @DeviceAuth(); then @Roles() and
 * @OwnerOf() are checked against the principal. Installed as the first APP_GUARD by AuthModule.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
    private readonly devices: DeviceAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka consumers and jobs are not requests; they carry their actor in the event.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<HttpResponse>();
    const principal: Principal = this.reflector.getAllAndOverride<boolean>(DEVICE_AUTH_KEY, targets)
      ? await this.devices.authenticate(request, response)
      : await this.bearer.authenticate(request, response);
    setRequestPrincipal(request, principal);

    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasAnyRole(principal, roles)) {
      throw new AccessDeniedError(`This needs one of the roles: ${roles.join(', ')}`);
    }
    const owner = this.reflector.getAllAndOverride<OwnerOfOptions | undefined>(OWNER_OF_KEY, targets);
    if (owner) assertOwnership(principal, owner.claim, request.params?.[owner.param], owner.unlessRoles);
    return true;
  }
}

import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@buqi/platform';
import { DeviceAuthenticator } from '../device-keys/device-authenticator';
import type { Role } from '../identity/roles';
import { RATE_LIMIT_KEY, type RateLimitRule } from '../rate-limit/rate-limit.decorator';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { DEVICE_AUTH_KEY, OWNER_OF_KEY, ROLES_KEY } from './metadata';
import type { OwnerOfOptions } from './owner-of.decorator';

/** What the access decorators say about one route. */
interface RouteAccess {
  readonly name: string;
  readonly path: string;
  readonly isPublic: boolean;
  readonly device: boolean;
  readonly roles: readonly Role[] | undefined;
  readonly owner: OwnerOfOptions | undefined;
  readonly limits: readonly RateLimitRule[];
}

/**
 * Refuses to start a service whose routes combine the access decorators in ways that could only
 * fail at request time: @DeviceAuth() without a DEVICE_KEY_STORE, rate limits without Redis, an
 * @OwnerOf() parameter the path does not have, and so on.
 */
@Injectable()
export class RouteAccessCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly devices: DeviceAuthenticator,
    private readonly limiter: RateLimiter,
  ) {}

  onModuleInit(): void {
    const problems = this.routes().flatMap((route) => this.problemsOf(route));
    if (problems.length > 0) {
      throw new Error(`Invalid route access set-up:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }

  private problemsOf(r: RouteAccess): string[] {
    const problems: string[] = [];
    if (r.isPublic && r.device) problems.push(`${r.name} is both @Public() and @DeviceAuth(): choose one`);
    if (r.device && !this.devices.keyStore()) {
      problems.push(
        `${r.name} uses @DeviceAuth() but no DEVICE_KEY_STORE is provided: add { provide: DEVICE_KEY_STORE, useClass: <your DeviceKeyStore> } to a module of the service`,
      );
    }
    if (r.roles && (r.isPublic || r.device)) {
      problems.push(
        `${r.name} has @Roles() but ${r.isPublic ? 'is public' : 'is for devices, which hold no roles'}`,
      );
    }
    if (r.owner) {
      if (r.isPublic || r.device) problems.push(`${r.name} has @OwnerOf() but no user principal`);
      if (!new RegExp(`:${r.owner.param}(?![A-Za-z0-9_])`).test(r.path)) {
        problems.push(
          `${r.name} has @OwnerOf({ param: '${r.owner.param}' }) but its path "${r.path}" has no :${r.owner.param}`,
        );
      }
    }
    if (r.limits.length > 0 && !this.limiter.configured) {
      problems.push(
        `${r.name} has @RateLimit() but no REDIS_CONNECTION and SERVICE_NAME (import PlatformModule)`,
      );
    }
    for (const limit of r.limits) {
      if (limit.by === 'device' && !r.device) {
        problems.push(
          `${r.name}: rate limit "${limit.name}" counts by device but the route is not @DeviceAuth()`,
        );
      }
      if (limit.by === 'principal' && r.isPublic) {
        problems.push(`${r.name}: rate limit "${limit.name}" counts by principal but the route is public`);
      }
    }
    return problems;
  }

  private routes(): RouteAccess[] {
    return this.discovery.getControllers().flatMap((wrapper) => {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || !wrapper.instance) return [];
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      return this.scanner
        .getAllMethodNames(prototype)
        .filter((method) => Reflect.hasMetadata(PATH_METADATA, prototype[method] as object))
        .map((method) => this.describe(controller, method, prototype[method] as object));
    });
  }

  private describe(controller: Type<unknown>, method: string, handler: object): RouteAccess {
    const targets = [handler, controller] as Parameters<Reflector['getAllAndOverride']>[1];
    const paths = (target: object) =>
      [Reflect.getMetadata(PATH_METADATA, target) as string | string[]].flat();
    return {
      name: `${controller.name}.${method}`,
      path: [...paths(controller), ...paths(handler)].join('/'),
      isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
      device: this.reflector.getAllAndOverride<boolean>(DEVICE_AUTH_KEY, targets) === true,
      roles: this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets),
      owner: this.reflector.getAllAndOverride<OwnerOfOptions | undefined>(OWNER_OF_KEY, targets),
      limits: this.reflector.getAllAndMerge<RateLimitRule[]>(RATE_LIMIT_KEY, targets),
    };
  }
}

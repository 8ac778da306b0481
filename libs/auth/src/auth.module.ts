import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { AuthSettings } from './config/auth.config';
import { DeviceAuthenticator } from './device-keys/device-authenticator';
import { AuthGuard } from './http/auth.guard';
import { RouteAccessCheck } from './http/route-access.check';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter';
import { BearerAuthenticator } from './tokens/bearer-authenticator';
import { TokenVerifier } from './tokens/token-verifier';

/** The loaded AuthSettings given to AuthModule.forRoot. */
export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/**
 * Authentication for every HTTP route of a service: bearer tokens by default, @Public() and
 * @DeviceAuth() routes as marked, then @Roles(), @OwnerOf() and @RateLimit(). Import once, in
 * AppModule, after PlatformModule (whose Redis connection and service name the rate limits use).
 */
@Module({})
export class AuthModule {
  static forRoot(config: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: AUTH_SETTINGS, useValue: config },
        { provide: TokenVerifier, useFactory: () => TokenVerifier.fromSettings(config) },
        BearerAuthenticator,
        DeviceAuthenticator,
        RateLimiter,
        RouteAccessCheck,
        // Order matters: Nest runs global guards in this order, and rate limits need the principal.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [AUTH_SETTINGS, TokenVerifier, RateLimiter],
    };
  }
}

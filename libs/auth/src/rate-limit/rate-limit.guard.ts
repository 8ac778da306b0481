import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Optional,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import { unavailable } from '../http/challenges';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { principalOf } from '../http/request-principal';
import { RATE_LIMIT_KEY, type RateLimitRule } from './rate-limit.decorator';
import { RateLimiter, RateLimiterUnavailableError, type RateLimitDecision } from './rate-limiter';

/**
 * Enforces @RateLimit() rules. Installed after AuthGuard, so 'device' and 'principal' limits count
 * authenticated subjects only (and a flood of bad credentials is refused before reaching Redis).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Optional() @Inject(PLATFORM_LOGGER) private readonly logger?: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rules = this.reflector.getAllAndMerge<RateLimitRule[]>(RATE_LIMIT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rules.length === 0) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<HttpResponse>();

    let tightest: RateLimitDecision | undefined;
    for (const rule of rules) {
      const decision = await this.take(rule, subjectOf(rule, request), response);
      if (!decision.allowed) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        response.setHeader('Retry-After', String(seconds));
        response.setHeader('RateLimit-Limit', String(decision.limit));
        response.setHeader('RateLimit-Remaining', '0');
        throw new HttpException(
          `Too many requests: limit "${rule.name}" allows ${rule.limit} per ${rule.windowSeconds} s; retry after ${seconds} s`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      if (!tightest || decision.remaining < tightest.remaining) tightest = decision;
    }
    if (tightest) {
      response.setHeader('RateLimit-Limit', String(tightest.limit));
      response.setHeader('RateLimit-Remaining', String(tightest.remaining));
      response.setHeader('RateLimit-Reset', String(Math.ceil(tightest.resetMs / 1000)));
    }
    return true;
  }

  private async take(
    rule: RateLimitRule,
    subject: string,
    response: HttpResponse,
  ): Promise<RateLimitDecision> {
    try {
      return await this.limiter.take(rule, subject);
    } catch (error) {
      if (!(error instanceof RateLimiterUnavailableError)) throw error;
      this.logger?.warn({ err: error, limit: rule.name }, 'rate limit unavailable; refusing the request');
      throw unavailable(
        response,
        `Rate limiting is unavailable, so this route is closed for now; try again later`,
      );
    }
  }
}

function subjectOf(rule: RateLimitRule, request: HttpRequest): string {
  if (rule.by === 'ip') return request.ip ?? request.socket.remoteAddress ?? 'unknown';
  const principal = principalOf(request);
  // The start-up route check makes these unreachable; fail loudly rather than share one bucket.
  if (!principal) throw new Error(`Rate limit "${rule.name}" counts by ${rule.by} on a route without one`);
  if (rule.by === 'device' && principal.kind !== 'device') {
    throw new Error(`Rate limit "${rule.name}" counts by device on a route a user reached`);
  }
  return principal.id;
}

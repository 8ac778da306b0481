import { ApiProblem } from '@buqi/platform';

/** Who a limit counts for: the client address, the authenticated device, or the authenticated principal. */
export type RateLimitSubject = 'ip' | 'device' | 'principal';

export interface RateLimitRule {
  /** Names the limit in its Redis key and messages, e.g. 'telemetry-ingest'. Never reuse one for another limit. */
  readonly name: string;
  /** Requests allowed per window (as a steady rate; a full window's worth may come at once). */
  readonly limit: number;
  readonly windowSeconds: number;
  readonly by: RateLimitSubject;
}

export const RATE_LIMIT_KEY = 'buqi:rate-limit';
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Limits how often a route is called per subject, counted in Redis across every instance of the
 * service. Stackable: `@RateLimit({ by: 'ip', … }) @RateLimit({ by: 'principal', … })` applies both.
 * Over the limit: 429 with Retry-After. Redis unreachable: 503 (ADR 0008).
 */
export function RateLimit(rule: RateLimitRule): ClassDecorator & MethodDecorator {
  const problems = [
    NAME.test(rule.name) ? '' : 'name must be lowercase letters, digits, ".", "_" or "-"',
    Number.isSafeInteger(rule.limit) && rule.limit > 0 ? '' : 'limit must be a positive integer',
    Number.isFinite(rule.windowSeconds) && rule.windowSeconds > 0 ? '' : 'windowSeconds must be positive',
    ['ip', 'device', 'principal'].includes(rule.by) ? '' : 'by must be ip, device or principal',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`@RateLimit(${JSON.stringify(rule)}): ${problems.join('; ')}`);
  const frozen = Object.freeze({ ...rule });

  const documented = ApiProblem(
    429,
    `More than ${frozen.limit} in ${frozen.windowSeconds} s per ${frozen.by}: wait for Retry-After`,
  );
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor && key !== undefined) documented(target, key, descriptor);
    else (documented as ClassDecorator)(target as never);
    const on: object = descriptor ? (descriptor.value as object) : target;
    const existing = (Reflect.getMetadata(RATE_LIMIT_KEY, on) as readonly RateLimitRule[] | undefined) ?? [];
    if (existing.some((r) => r.name === rule.name)) {
      throw new Error(`@RateLimit name "${rule.name}" is used twice on the same target`);
    }
    Reflect.defineMetadata(RATE_LIMIT_KEY, [...existing, frozen], on);
  };
}

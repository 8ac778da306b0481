/**
 * A readiness probe: resolves when the dependency is usable, rejects (or times out) when it is
 * not, and resolves to `degraded(reason)` when it works but something needs an operator.
 */
export type HealthCheckFn = () => Promise<unknown>;

export interface HealthCheck {
  /** Key in the readiness report, e.g. 'mongo', 'redis', 'kafka'. */
  readonly name: string;
  readonly check: HealthCheckFn;
  /** Defaults to DEFAULT_HEALTH_CHECK_TIMEOUT_MS. */
  readonly timeoutMs?: number;
}

/** What a check returns when its part works but not entirely (e.g. events parked for an operator). */
export class Degraded {
  constructor(readonly reason: string) {}
}

export const degraded = (reason: string): Degraded => new Degraded(reason);

export type CheckResult =
  | { readonly status: 'up'; readonly latencyMs: number }
  | { readonly status: 'degraded'; readonly latencyMs: number; readonly reason: string }
  | { readonly status: 'down'; readonly latencyMs: number; readonly error: string };

/**
 * `ok`: every check up. `degraded`: the service does its work but something needs attention; still
 * ready (every replica shares the cause, so taking them out of service would only add an outage).
 * `error`: a check is down; not ready.
 */
export interface ReadinessReport {
  readonly status: 'ok' | 'degraded' | 'error';
  readonly checks: Readonly<Record<string, CheckResult>>;
}

export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2_000;

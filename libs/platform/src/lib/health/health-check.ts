/** A readiness probe: resolves when the dependency is usable, rejects (or times out) when it is not. */
export type HealthCheckFn = () => Promise<unknown>;

export interface HealthCheck {
  /** Key in the readiness report, e.g. 'mongo', 'redis', 'kafka'. */
  readonly name: string;
  readonly check: HealthCheckFn;
  /** Defaults to DEFAULT_HEALTH_CHECK_TIMEOUT_MS. */
  readonly timeoutMs?: number;
}

export type CheckResult =
  | { readonly status: 'up'; readonly latencyMs: number }
  | { readonly status: 'down'; readonly latencyMs: number; readonly error: string };

export interface ReadinessReport {
  readonly status: 'ok' | 'error';
  readonly checks: Readonly<Record<string, CheckResult>>;
}

export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2_000;

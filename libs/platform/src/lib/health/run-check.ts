import {
  DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
  Degraded,
  type CheckResult,
  type HealthCheck,
} from './health-check';

/** Runs one check, bounded by its timeout; never rejects. */
export async function runCheck(check: HealthCheck): Promise<CheckResult> {
  const timeoutMs = check.timeoutMs ?? DEFAULT_HEALTH_CHECK_TIMEOUT_MS;
  const started = performance.now();
  const latency = (): number => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(check.check), timeout]);
    if (result instanceof Degraded)
      return { status: 'degraded', latencyMs: latency(), reason: result.reason };
    return { status: 'up', latencyMs: latency() };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: latency(),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

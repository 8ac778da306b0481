import { Injectable } from '@nestjs/common';
import type { HealthCheck, ReadinessReport } from './health-check';
import { runCheck } from './run-check';

/** The readiness checks of this process; modules add theirs through registerHealthCheck(). */
@Injectable()
export class HealthCheckRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    if (this.checks.has(check.name))
      throw new Error(`A health check named "${check.name}" is already registered`);
    this.checks.set(check.name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /** Runs every check concurrently. */
  async readiness(): Promise<ReadinessReport> {
    const results = await Promise.all(
      [...this.checks.values()].map(async (c) => [c.name, await runCheck(c)] as const),
    );
    const statuses = new Set(results.map(([, r]) => r.status));
    return {
      status: statuses.has('down') ? 'error' : statuses.has('degraded') ? 'degraded' : 'ok',
      checks: Object.fromEntries(results),
    };
  }
}

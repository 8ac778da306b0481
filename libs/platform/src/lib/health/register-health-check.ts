import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import type { HealthCheckFn } from './health-check';
import { HealthCheckRegistry } from './health-check.registry';

export interface RegisterHealthCheckOptions<D extends unknown[]> {
  readonly name: string;
  readonly timeoutMs?: number;
  /** Providers the check needs, handed to useFactory in order. */
  readonly inject?: { readonly [K in keyof D]: InjectionToken };
  /** Builds the check from the injected providers. */
  readonly useFactory: (...deps: D) => HealthCheckFn;
}

/**
 * A provider that adds a readiness check when its module starts, e.g. in a messaging module:
 * `registerHealthCheck({ name: 'kafka', inject: [KafkaAdmin], useFactory: (admin) => () => admin.describeCluster() })`.
 * Put it in the module's `providers`; PlatformModule (global) supplies the registry.
 */
export function registerHealthCheck<D extends unknown[]>(
  options: RegisterHealthCheckOptions<D>,
): FactoryProvider {
  return {
    provide: Symbol(`health-check:${options.name}`),
    inject: [HealthCheckRegistry, ...(options.inject ?? [])],
    useFactory: (registry: HealthCheckRegistry, ...deps: unknown[]) => {
      registry.register({
        name: options.name,
        timeoutMs: options.timeoutMs,
        check: options.useFactory(...(deps as D)),
      });
      return options.name;
    },
  };
}

import { Injectable, type FactoryProvider, type InjectionToken } from '@nestjs/common';

/**
 * One thing a service makes sure exists before it serves, e.g. its MongoDB indexes or its Kafka
 * topics. `run` is idempotent (what exists is left as it is) and returns what it found or made, for
 * the log of a set-up run (setUpService).
 */
export interface SetUpStep {
  readonly name: string;
  readonly run: () => Promise<Readonly<Record<string, unknown>>>;
}

/** The set-up steps of this process; modules add theirs through registerSetUpStep(). */
@Injectable()
export class SetUpRegistry {
  private readonly steps = new Map<string, SetUpStep>();

  register(step: SetUpStep): void {
    if (this.steps.has(step.name))
      throw new Error(`A set-up step named "${step.name}" is already registered`);
    this.steps.set(step.name, step);
  }

  /** In the order they were registered (the order their modules were built). */
  list(): SetUpStep[] {
    return [...this.steps.values()];
  }
}

export interface RegisterSetUpStepOptions<D extends unknown[]> {
  readonly name: string;
  /** Providers the step needs, handed to useFactory in order. */
  readonly inject?: { readonly [K in keyof D]: InjectionToken };
  /** Builds the step's work from the injected providers. */
  readonly useFactory: (...deps: D) => SetUpStep['run'];
}

/**
 * A provider that adds a set-up step when its module is built, like registerHealthCheck adds a
 * readiness check: `registerSetUpStep({ name: 'kafka-topics', inject: [Lifecycle], useFactory: (l) => () => l.setUp() })`.
 * Put it in the module's `providers`; PlatformModule (global) supplies the registry.
 */
export function registerSetUpStep<D extends unknown[]>(
  options: RegisterSetUpStepOptions<D>,
): FactoryProvider {
  return {
    provide: Symbol(`set-up-step:${options.name}`),
    inject: [SetUpRegistry, ...(options.inject ?? [])],
    useFactory: (registry: SetUpRegistry, ...deps: unknown[]) => {
      registry.register({ name: options.name, run: options.useFactory(...(deps as D)) });
      return options.name;
    },
  };
}

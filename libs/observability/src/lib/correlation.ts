import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header (HTTP, Kafka, job carrier) that carries a correlation id between hops. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<string>();

/** The correlation id of the work in progress: one user action, followed across services. */
export const correlation = {
  /** Runs `fn` with `id` as the current correlation id (also inside everything `fn` awaits). */
  run<T>(id: string, fn: () => T): T {
    return storage.run(id, fn);
  },
  current(): string | undefined {
    return storage.getStore();
  },
  /** Runs `fn` outside any correlation: background work that a request merely woke up. */
  detached<T>(fn: () => T): T {
    return storage.exit(fn);
  },
};

export function newCorrelationId(): string {
  return randomUUID();
}

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether an id received from outside is safe to adopt (bounded, no log or header injection). */
export function isAcceptableCorrelationId(id: string | undefined): id is string {
  return id !== undefined && ACCEPTABLE.test(id);
}

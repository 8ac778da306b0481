import type { Static, TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { envelopeSchema, type EventEnvelope } from './envelope';
import { assertValid, compile } from './validation';

export interface EventContract<
  T extends string = string,
  V extends number = number,
  S extends TSchema = TSchema,
> {
  /** e.g. `shortfall.detected` */
  readonly type: T;
  readonly version: V;
  /** Kafka topic: `<type>.v<version>`; a breaking change is a new version, hence a new topic. */
  readonly topic: `${T}.v${V}`;
  readonly schema: S;
  readonly envelopeSchema: TSchema;
  /** The partition key (and envelope subject) of an event: ordering holds per key. */
  key(data: Static<S>): string;
  /**
   * `compact` for a latest-state topic: Kafka keeps at least the newest event of each key, so a new
   * consumer rebuilds the current state by reading the topic from the start.
   */
  readonly cleanupPolicy?: 'compact';
  readonly example: Static<S>;
  /** Throws ContractViolationError naming every bad field. */
  parseData(value: unknown): Static<S>;
  parseEnvelope(value: unknown): EventEnvelope<Static<S>, T>;
}

export type DataOf<C> = C extends EventContract<string, number, infer S> ? Static<S> : never;
export type EnvelopeOf<C> =
  C extends EventContract<infer T, number, infer S> ? EventEnvelope<Static<S>, T> : never;

export function defineEvent<T extends string, V extends number, S extends TSchema>(spec: {
  type: T;
  version: V;
  schema: S;
  key: (data: Static<S>) => string;
  example: Static<S>;
  cleanupPolicy?: 'compact';
}): EventContract<T, V, S> {
  const envSchema = envelopeSchema(spec.type, spec.version, spec.schema);
  const topic = `${spec.type}.v${spec.version}` as const;
  const validateData: ValidateFunction<Static<S>> = compile(spec.schema);
  const validateEnvelope = compile<EventEnvelope<Static<S>, T>>(envSchema);
  return Object.freeze({
    ...spec,
    topic,
    envelopeSchema: envSchema,
    parseData: (value: unknown) => assertValid(validateData, value, `${topic} data`),
    parseEnvelope: (value: unknown) => assertValid(validateEnvelope, value, `${topic} event`),
  });
}

import type { IHeaders } from 'kafkajs';
import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** Header names set on every published event (besides W3C `traceparent`/`tracestate`). */
export const H = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  correlationId: 'correlation-id',
  contentType: 'content-type',
  /** Set when a dead letter is published again to its topic: how many times it was re-driven. */
  redriveCount: 'redrive-count',
} as const;

/** Headers added when a message is dead-lettered; the value and key stay the original bytes. */
export const DLQ_H = {
  error: 'dlq-error',
  errorClass: 'dlq-error-class',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

export const headerGetter: TextMapGetter<IHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => headerString(carrier, key),
};

export const headerSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

import { propagation, ROOT_CONTEXT, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { EventEnvelope } from '@buqi/contracts';
import { H, headerSetter } from '../kafka/headers';
import type { OutboxEntry } from './outbox';

const tracer = trace.getTracer('@buqi/messaging');

/**
 * The `<topic> publish` span of one entry, parented on the trace stored in the event (the request
 * that caused it, even though the relay publishes later), and the Kafka headers that carry it on.
 */
export function publishSpan(entry: OutboxEntry): { span: Span; headers: Record<string, string> } {
  const env = JSON.parse(entry.value) as EventEnvelope;
  const parent = propagation.extract(ROOT_CONTEXT, {
    ...(env.traceparent ? { traceparent: env.traceparent } : {}),
    ...(env.tracestate ? { tracestate: env.tracestate } : {}),
  });
  const span = tracer.startSpan(
    `${entry.topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': entry.topic,
        'messaging.message.id': entry.id,
        'messaging.kafka.message.key': entry.key,
      },
    },
    parent,
  );
  const headers: Record<string, string> = {
    [H.eventId]: env.id,
    [H.eventType]: env.type,
    [H.eventVersion]: String(env.version),
    [H.correlationId]: env.correlationId,
    [H.contentType]: 'application/json',
  };
  propagation.inject(trace.setSpan(parent, span), headers, headerSetter);
  return { span, headers };
}

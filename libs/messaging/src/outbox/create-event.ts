import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { correlation } from '@buqi/observability';
import type { Actor, DataOf, EnvelopeOf, EventContract, EventEnvelope } from '@buqi/contracts';

export interface EventMeta {
  source: string;
  actor: Actor;
  /** The event this one is a consequence of: its id becomes the causation id, its correlation carries on. */
  causedBy?: Pick<EventEnvelope, 'id' | 'correlationId'>;
  correlationId?: string;
  /** For tests and replays; defaults to now. */
  time?: Date;
}

/**
 * Builds and validates an envelope. The active trace context is captured in the envelope so the
 * relay, which publishes later and elsewhere, continues the same trace.
 */
export function createEvent<C extends EventContract>(
  contract: C,
  data: DataOf<C>,
  meta: EventMeta,
): EnvelopeOf<C> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const envelope: EventEnvelope = {
    specVersion: 1,
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    source: meta.source,
    time: (meta.time ?? new Date()).toISOString(),
    subject: contract.key(data as never),
    correlationId:
      meta.correlationId ?? meta.causedBy?.correlationId ?? correlation.current() ?? randomUUID(),
    ...(meta.causedBy ? { causationId: meta.causedBy.id } : {}),
    actor: meta.actor,
    ...(carrier['traceparent'] ? { traceparent: carrier['traceparent'] } : {}),
    ...(carrier['tracestate'] ? { tracestate: carrier['tracestate'] } : {}),
    data,
  };
  return contract.parseEnvelope(envelope) as EnvelopeOf<C>;
}

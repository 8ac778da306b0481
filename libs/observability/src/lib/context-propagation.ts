import {
  ROOT_CONTEXT,
  SpanStatusCode,
  propagation,
  context as otelContext,
  trace,
  type Attributes,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';
import { CORRELATION_ID_HEADER, correlation, isAcceptableCorrelationId } from './correlation';

/** Headers as they arrive from Kafka, BullMQ job data or HTTP. */
export type IncomingCarrier = Readonly<Record<string, string | readonly string[] | undefined>>;

const INSTRUMENTATION_SCOPE = '@buqi/observability';

/**
 * Writes the active trace context (W3C traceparent/tracestate, baggage) and the current correlation id
 * into `carrier`, for a hop that is not HTTP (Kafka headers, BullMQ job data). Returns the carrier.
 */
export function injectContext(carrier: Record<string, string> = {}): Record<string, string> {
  propagation.inject(otelContext.active(), carrier);
  const id = correlation.current();
  if (id !== undefined) carrier[CORRELATION_ID_HEADER] = id;
  return carrier;
}

export interface ExtractedSpanOptions {
  readonly attributes?: Attributes;
  readonly tracerName?: string;
}

/**
 * Continues the trace written by injectContext: starts `spanName` as a child of the carrier's context,
 * runs `fn` inside it (with the carrier's correlation id, if any), records an exception and an error
 * status when `fn` throws (and rethrows), and always ends the span.
 */
export async function withExtractedContext<T>(
  carrier: IncomingCarrier,
  spanName: string,
  kind: SpanKind,
  fn: (span: Span) => Promise<T> | T,
  options: ExtractedSpanOptions = {},
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, carrier, {
    keys: (c) => Object.keys(c),
    get: (c, key) => {
      const value = c[key];
      return typeof value === 'string' ? value : value?.[0];
    },
  });
  const tracer = trace.getTracer(options.tracerName ?? INSTRUMENTATION_SCOPE);
  const incoming = carrier[CORRELATION_ID_HEADER];
  const correlationId = typeof incoming === 'string' ? incoming : incoming?.[0];

  const inSpan = (): Promise<T> =>
    tracer.startActiveSpan(spanName, { kind, attributes: options.attributes }, parent, async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        const exception = error instanceof Error ? error : new Error(String(error));
        span.recordException(exception);
        span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
        throw error;
      } finally {
        span.end();
      }
    });

  if (!isAcceptableCorrelationId(correlationId)) return inSpan();
  return correlation.run(correlationId, inSpan);
}

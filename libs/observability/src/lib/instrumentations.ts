import type { IncomingMessage } from 'node:http';
import { createNoopMeter, type MeterProvider } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';

// Probes and API docs would otherwise fill the traces.
const UNTRACED_PATHS = /^\/(health|docs)(\/|-json|$)/;

const NO_METRICS: MeterProvider = { getMeter: () => createNoopMeter() };

/**
 * Spans only. The services' HTTP metrics come from the platform's middleware
 * (`http.server.request.duration`, by route), which also works where require hooks do not (Jest);
 * the instrumentation's own `http.server.duration` would measure every request a second time, and
 * with OTEL_SEMCONV_STABILITY_OPT_IN=http it would record the platform's metric name from a
 * second scope, which the Prometheus text format cannot carry.
 */
class HttpSpansInstrumentation extends HttpInstrumentation {
  override setMeterProvider(): void {
    super.setMeterProvider(NO_METRICS);
  }
}

/** HTTP (spans only), Express, NestJS, MongoDB, Mongoose and ioredis. */
export function defaultInstrumentations(): Instrumentation[] {
  return [
    new HttpSpansInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.test(request.url ?? ''),
    }),
    new ExpressInstrumentation(),
    new NestInstrumentation(),
    new MongoDBInstrumentation(),
    new MongooseInstrumentation(),
    new IORedisInstrumentation(),
  ];
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context, trace } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';
import {
  CORRELATION_ID_HEADER,
  correlation,
  isAcceptableCorrelationId,
  newCorrelationId,
} from '@buqi/observability';

/** Adopts the caller's x-correlation-id (or makes one), echoes it back and scopes the request to it. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const incoming = request.headers[CORRELATION_ID_HEADER];
    const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
    const id = isAcceptableCorrelationId(candidate) ? candidate : newCorrelationId();
    response.setHeader(CORRELATION_ID_HEADER, id);
    // On the HTTP server span (kept in the RPC metadata), not on the Express layer span active here.
    (getRPCMetadata(context.active())?.span ?? trace.getActiveSpan())?.setAttribute(
      'buqi.correlation_id',
      id,
    );
    correlation.run(id, next);
  }
}

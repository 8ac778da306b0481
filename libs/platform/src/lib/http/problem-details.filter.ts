import type { IncomingMessage, ServerResponse } from 'node:http';
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CORRELATION_ID_HEADER, correlation, newCorrelationId, type Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '../platform.tokens';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';
import { problemFor } from './problem-mapping';
import { pathOf } from './request-path';

/**
 * Every error answer of every service, as RFC 9457 problem details (see problemFor for the
 * mapping). Installed globally by PlatformModule, so it also sees unknown routes and failures of
 * Express middleware such as the body parser.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(PLATFORM_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<IncomingMessage & { originalUrl?: string }>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const outline = problemFor(error);
    const instance = pathOf(request);
    if (outline.fault) {
      this.logger.error({ err: error, method: request.method, path: instance }, 'request failed');
    }
    if (response.headersSent) {
      // Part of a body is out already: cut the connection rather than end it looking complete.
      response.destroy();
      return;
    }
    const problem: Problem = {
      type: problemType(outline.code),
      title: outline.title,
      status: outline.status,
      detail: outline.detail,
      instance,
      code: outline.code,
      ...(outline.errors === undefined ? {} : { errors: outline.errors }),
      ...outline.extensions,
      correlationId: correlationIdOf(response),
    };
    response.statusCode = outline.status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(outline.headers ?? {})) response.setHeader(name, value);
    response.end(JSON.stringify(problem));
  }
}

/** The request's correlation id: set on the response by the HTTP set-up before anything can fail. */
function correlationIdOf(response: ServerResponse): string {
  const header = response.getHeader(CORRELATION_ID_HEADER);
  const id = correlation.current() ?? (typeof header === 'string' ? header : undefined) ?? newCorrelationId();
  if (header === undefined) response.setHeader(CORRELATION_ID_HEADER, id);
  return id;
}

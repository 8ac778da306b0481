import type { IncomingMessage, ServerResponse } from 'node:http';
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CORRELATION_ID_HEADER, correlation, newCorrelationId } from '@buqi/observability';
import { PROBLEM_CONTENT_TYPE, problemFor, problemType, type Problem } from '@buqi/platform';
import { CalendarYearRefused } from '../use-cases/calendar-year-refused';

/**
 * Answers a refused year's schedule as the platform answers a DomainValidationError — 422,
 * `invalid-value`, RFC 9457 problem details — but with every problem in `errors`, not just the first:
 * an administrator typing in a year's schedule should see all that is wrong at once. (The platform
 * maps one DomainValidationError to one field; a list of them has no mapping there yet.)
 */
@Catch(CalendarYearRefused)
export class CalendarYearRefusedFilter implements ExceptionFilter {
  catch(error: CalendarYearRefused, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const response = http.getResponse<ServerResponse>();
    const outline = problemFor(error.problems[0]);
    const url = request.originalUrl ?? request.url ?? '/';
    const header = response.getHeader(CORRELATION_ID_HEADER);
    const count = error.problems.length;
    const problem: Problem = {
      type: problemType(outline.code),
      title: outline.title,
      status: outline.status,
      detail: count === 1 ? error.message : `${count} fields are invalid: ${error.message}`,
      instance: url.split('?')[0],
      code: outline.code,
      errors: error.problems.map((p) => ({
        location: p.field === 'year' ? 'params' : 'body',
        field: p.field,
        value: p.value,
        reason: p.reason,
      })),
      correlationId:
        correlation.current() ?? (typeof header === 'string' ? header : undefined) ?? newCorrelationId(),
    };
    response.statusCode = outline.status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(problem));
  }
}

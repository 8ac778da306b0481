import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ErrorMiddleware } from './express-types';
import { toRequestBodyError } from './request-body.error';

/**
 * JSON bodies only (no urlencoded parser: its nested keys would build objects out of a form),
 * up to `limitBytes`. Parser failures reach the problem filter through Nest's error handler, but
 * Nest first turns the parser's SyntaxError into a bare BadRequestException: converting them to
 * RequestBodyErrors here keeps what they were (400 malformed-json, 413, 415).
 */
export function useJsonBodies(app: NestExpressApplication, limitBytes: number): void {
  app.useBodyParser('json', { limit: limitBytes, type: ['application/json', 'application/*+json'] });
  const convert: ErrorMiddleware = (error, _request, _response, next) =>
    next(toRequestBodyError(error) ?? error);
  app.use(convert);
}

import type { IncomingMessage, ServerResponse } from 'node:http';

// Express passes its own request and response, which extend Node's: these are all we rely on.
export type HttpRequest = IncomingMessage & { originalUrl?: string };
export type Next = (error?: unknown) => void;
export type Middleware = (request: HttpRequest, response: ServerResponse, next: Next) => void;
export type ErrorMiddleware = (
  error: unknown,
  request: HttpRequest,
  response: ServerResponse,
  next: Next,
) => void;

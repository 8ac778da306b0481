import type { IncomingMessage, ServerResponse } from 'node:http';

// Express passes its own request and response, which extend Node's: these are all the console uses.
export type ConsoleRequest = IncomingMessage & {
  originalUrl: string;
  ip?: string;
  params: Record<string, string | string[]>;
  body?: unknown;
};
export type ConsoleResponse = ServerResponse;

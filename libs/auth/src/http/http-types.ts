import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the guards read from a request (Express adds `params` and `ip`). */
export type HttpRequest = IncomingMessage & {
  readonly params?: Readonly<Record<string, string | undefined>>;
  readonly ip?: string;
};

export type HttpResponse = ServerResponse;

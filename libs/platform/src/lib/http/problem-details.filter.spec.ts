import type { ArgumentsHost } from '@nestjs/common';
import mongoose from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { correlation, createLogger } from '@buqi/observability';
import { ProblemDetailsFilter } from './problem-details.filter';

function setUp() {
  const lines: string[] = [];
  const filter = new ProblemDetailsFilter(
    createLogger({
      name: 'filter',
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) },
    }),
  );
  const headers: Record<string, unknown> = {};
  const response = {
    statusCode: 200,
    headersSent: false,
    body: undefined as string | undefined,
    destroyed: false,
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = value),
    getHeader: (name: string) => headers[name.toLowerCase()],
    end(chunk: string) {
      this.body = chunk;
    },
    destroy() {
      this.destroyed = true;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', url: '/sites/s-1?token=x', headers: {} }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { filter, host, response, headers, records };
}

describe('ProblemDetailsFilter', () => {
  it('writes the problem with its content type, the path as instance and the correlation id', () => {
    const { filter, host, response, headers, records } = setUp();
    correlation.run('corr-7', () => filter.catch(new NotFoundError('site', 's-1'), host));
    expect(response.statusCode).toBe(404);
    expect(headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(headers['cache-control']).toBe('no-store');
    expect(JSON.parse(response.body ?? '')).toEqual({
      type: 'urn:buqi:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'site "s-1" does not exist',
      instance: '/sites/s-1',
      code: 'not-found',
      resource: 'site',
      id: 's-1',
      correlationId: 'corr-7',
    });
    expect(records()).toEqual([]);
  });

  it('logs a fault with its error and answers without it', () => {
    const { filter, host, response, headers, records } = setUp();
    filter.catch(new Error('secret internals'), host);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret internals');
    // No correlation scope (the app set-up was skipped): one is issued and echoed.
    expect(JSON.parse(response.body ?? '')['correlationId']).toBe(headers['x-correlation-id']);
    expect(records()).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'request failed',
        method: 'GET',
        path: '/sites/s-1',
        err: expect.objectContaining({ message: 'secret internals' }),
      }),
    ]);
  });

  it('answers a lost database connection with 503 and Retry-After, and logs it', () => {
    const { filter, host, response, headers, records } = setUp();
    filter.catch(
      new mongoose.mongo.MongoNetworkError('connection <monitor> to 127.0.0.1:27217 timed out'),
      host,
    );
    expect(response.statusCode).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(JSON.parse(response.body ?? '')).toMatchObject({ status: 503, code: 'database-unavailable' });
    expect(response.body).not.toContain('27217');
    expect(records()).toEqual([expect.objectContaining({ level: 'error', msg: 'request failed' })]);
  });

  it('cuts the connection when part of the answer is already out', () => {
    const { filter, host, response } = setUp();
    response.headersSent = true;
    filter.catch(new Error('stream broke'), host);
    expect(response.destroyed).toBe(true);
    expect(response.body).toBeUndefined();
  });
});

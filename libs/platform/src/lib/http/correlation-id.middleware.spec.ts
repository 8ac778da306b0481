import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlation } from '@buqi/observability';
import { CorrelationIdMiddleware } from './correlation-id.middleware';

function handle(headerValue?: string | string[]) {
  const request = {
    headers: headerValue === undefined ? {} : { 'x-correlation-id': headerValue },
  } as unknown as IncomingMessage;
  const headers: Record<string, unknown> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name] = value),
  } as unknown as ServerResponse;
  let seen: string | undefined;
  new CorrelationIdMiddleware().use(request, response, () => {
    seen = correlation.current();
  });
  return { seen, header: headers['x-correlation-id'] };
}

describe('CorrelationIdMiddleware', () => {
  it('adopts and echoes an acceptable id', () => {
    expect(handle('abc-123')).toEqual({ seen: 'abc-123', header: 'abc-123' });
    expect(handle(['first', 'second'])).toEqual({ seen: 'first', header: 'first' });
  });

  it.each([undefined, '', 'has space', 'x'.repeat(200)])('issues a new id for %j', (value) => {
    const { seen, header } = handle(value);
    expect(seen).toMatch(/^[0-9a-f-]{36}$/);
    expect(header).toBe(seen);
  });
});

import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createLogger } from '@buqi/observability';
import type { HttpRequest } from './express-types';
import { requestLogging } from './request-logging';

const traceId = '0af7651916cd43dd8448eb211c80319c';

function setUp(level = 'info') {
  const lines: string[] = [];
  const middleware = requestLogging(
    createLogger({ name: 'http', level, destination: { write: (line: string) => void lines.push(line) } }),
  );
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { middleware, lines, records };
}

function exchange(url: string, status: number) {
  const request = Object.assign(new EventEmitter(), {
    method: 'GET',
    url,
    headers: { authorization: 'Bearer secret-token', cookie: 'session=secret-cookie' },
  }) as unknown as HttpRequest;
  const response = Object.assign(new EventEmitter(), {
    statusCode: status,
    writableEnded: true,
    getHeader: (name: string) => (name === 'x-correlation-id' ? 'corr-1' : undefined),
  }) as unknown as ServerResponse;
  return { request, response };
}

describe('requestLogging', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => context.disable());

  it('logs one line when the answer is sent, with the trace id of the request span and no headers', () => {
    const { middleware, lines, records } = setUp();
    const { request, response } = exchange('/sites?token=in-query', 200);
    const spanContext = { traceId, spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    let passedOn = false;
    context.with(trace.setSpanContext(context.active(), spanContext), () =>
      middleware(request, response, () => (passedOn = true)),
    );
    expect(passedOn).toBe(true);
    expect(lines).toEqual([]);

    response.emit('finish');
    expect(records()).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'GET /sites 200',
        method: 'GET',
        path: '/sites',
        status: 200,
        durationMs: expect.any(Number),
        correlation_id: 'corr-1',
        trace_id: traceId,
      }),
    ]);
    expect(lines.join('')).not.toMatch(/secret-token|secret-cookie|in-query/);
  });

  it('puts health probes at debug and server errors at error', () => {
    const { middleware, records } = setUp('info');
    for (const [url, status] of [
      ['/health/ready', 200],
      ['/health/ready', 503],
      ['/sites/1', 404],
      ['/sites/2', 500],
    ] as const) {
      const { request, response } = exchange(url, status);
      middleware(request, response, () => undefined);
      response.emit('finish');
    }
    expect(records().map((r) => [r['level'], r['msg']])).toEqual([
      ['info', 'GET /sites/1 404'],
      ['error', 'GET /sites/2 500'],
    ]);

    const debug = setUp('debug');
    const { request, response } = exchange('/health/live', 200);
    debug.middleware(request, response, () => undefined);
    response.emit('finish');
    expect(debug.records()).toEqual([expect.objectContaining({ level: 'debug', path: '/health/live' })]);
  });
});

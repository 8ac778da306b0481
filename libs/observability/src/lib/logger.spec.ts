import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { correlation } from './correlation';
import { createLogger } from './logger';
import { startTelemetry, tracer, type Telemetry } from './telemetry';

function capture(extra: { redact?: readonly string[]; level?: string } = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    name: 'test',
    level: extra.level,
    redact: extra.redact,
    destination: { write: (line) => lines.push(line) },
  });
  const records = (): Record<string, unknown>[] =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('createLogger', () => {
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({
      serviceName: 'test',
      spanExporter: new InMemorySpanExporter(),
      instrumentations: [],
    });
  });
  afterAll(() => telemetry.shutdown());

  it('writes JSON with level label, time, name and message', () => {
    const { logger, records } = capture();
    logger.info({ assetId: 'a1' }, 'asset registered');

    expect(records()[0]).toMatchObject({
      level: 'info',
      name: 'test',
      msg: 'asset registered',
      assetId: 'a1',
    });
    expect(records()[0]['time']).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  });

  it('adds trace_id, span_id and correlation_id from the active context', () => {
    const { logger, records } = capture();
    const ids = correlation.run('corr-7', () =>
      tracer('test').startActiveSpan('work', (span) => {
        logger.info('inside');
        span.end();
        return span.spanContext();
      }),
    );
    logger.info('outside');

    const [inside, outside] = records();
    expect(inside).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId, correlation_id: 'corr-7' });
    expect(outside).not.toHaveProperty('trace_id');
    expect(outside).not.toHaveProperty('correlation_id');
  });

  it('redacts secrets by the default paths and by extra paths', () => {
    const { logger, lines } = capture({ redact: ['gateway.sharedKey'] });
    logger.info(
      {
        password: 'pw-top',
        user: { name: 'li', password: 'pw-nested', token: 'tok-1' },
        device: { deviceKey: 'dk-1', apiKey: 'ak-1' },
        headers: { authorization: 'Bearer abc.def', cookie: 'sid=xyz' },
        req: { headers: { authorization: 'Bearer req-token', cookie: 'sid=req' } },
        gateway: { sharedKey: 'gw-1', secret: 's-1' },
      },
      'with secrets',
    );

    const line = lines[0];
    for (const secret of [
      'pw-top',
      'pw-nested',
      'tok-1',
      'dk-1',
      'ak-1',
      'abc.def',
      'sid=xyz',
      'req-token',
      'sid=req',
      'gw-1',
      's-1',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('"name":"li"');
    expect(line).toContain('[redacted]');
  });

  it('masks passwords in connection strings, in fields, messages and errors', () => {
    const { logger, lines } = capture();
    logger.info(
      { target: { url: 'mongodb://app:hunter2@db:27017/x' } },
      'connecting to redis://:r3dis-pw@cache:6379',
    );
    logger.error({ err: new Error('failed to reach mongodb://app:hunter2@db:27017') }, 'connection failed');
    logger.error(new Error('lost redis://:r3dis-pw@cache:6379'));

    const output = lines.join('');
    expect(output).not.toContain('hunter2');
    expect(output).not.toContain('r3dis-pw');
    expect(output).toContain('mongodb://app:***@db:27017/x');
    expect(output).toContain('redis://:***@cache:6379');
    expect(JSON.parse(lines[1])).toMatchObject({
      err: { type: 'Error', message: 'failed to reach mongodb://app:***@db:27017' },
    });
    expect(JSON.parse(lines[2])).toMatchObject({
      msg: 'lost redis://:***@cache:6379',
      err: { type: 'Error' },
    });
  });

  it('honours the level', () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
  });
});

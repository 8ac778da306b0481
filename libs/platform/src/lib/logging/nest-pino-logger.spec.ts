import { createLogger } from '@buqi/observability';
import { NestPinoLogger } from './nest-pino-logger';

function setUp() {
  const lines: string[] = [];
  const logger = new NestPinoLogger(
    createLogger({ name: 'nest', level: 'trace', destination: { write: (l) => lines.push(l) } }),
  );
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, records };
}

describe('NestPinoLogger', () => {
  it('maps Nest levels to pino levels and keeps the context', () => {
    const { logger, records } = setUp();
    logger.log('started', 'NestApplication');
    logger.warn('careful');
    logger.debug('details', 'Ctx');
    logger.verbose('chatter', 'Ctx');
    logger.fatal('dying', 'Ctx');

    expect(records().map((r) => [r['level'], r['msg'], r['context']])).toEqual([
      ['info', 'started', 'NestApplication'],
      ['warn', 'careful', undefined],
      ['debug', 'details', 'Ctx'],
      ['trace', 'chatter', 'Ctx'],
      ['fatal', 'dying', 'Ctx'],
    ]);
  });

  it('keeps the stack Nest passes with errors', () => {
    const { logger, records } = setUp();
    const stack = 'Error: boom\n    at somewhere (file.ts:1:1)';
    logger.error('boom', stack, 'ExceptionHandler');
    logger.error(new Error('thrown'), 'ExceptionsHandler');

    const [first, second] = records();
    expect(first).toMatchObject({ level: 'error', msg: 'boom', stack, context: 'ExceptionHandler' });
    expect(second).toMatchObject({
      level: 'error',
      msg: 'thrown',
      context: 'ExceptionsHandler',
      err: { type: 'Error', message: 'thrown' },
    });
  });

  it('logs objects as data', () => {
    const { logger, records } = setUp();
    logger.log({ routes: 3 }, 'RouterExplorer');
    expect(records()[0]).toMatchObject({ level: 'info', data: { routes: 3 }, context: 'RouterExplorer' });
  });
});

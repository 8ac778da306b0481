import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defineConfig, loadConfig, url } from '@buqi/config';

const engines = loadConfig(
  defineConfig({
    MONGO_URL: url({
      description: 'MongoDB URL for integration tests',
      default: 'mongodb://127.0.0.1:27217/',
    }),
    REDIS_URL: url({ description: 'Redis URL for integration tests', default: 'redis://127.0.0.1:16379' }),
  }),
);
const root = join(__dirname, '../../../..');

interface FixtureOutput {
  traceId: string;
  spans: { name: string; scope: string; traceId: string }[];
}

describe('default instrumentations in a plain Node process', () => {
  it('put HTTP, MongoDB, Mongoose and ioredis calls in the trace of the surrounding span', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../test-fixtures/traced-engines.fixture.ts')],
      {
        cwd: root,
        timeout: 60_000,
        env: {
          SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
          MONGO_URL: engines.MONGO_URL,
          MONGO_DB: `buqi_test_observability_${randomBytes(4).toString('hex')}`,
          REDIS_URL: engines.REDIS_URL,
        },
      },
    );
    const output = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as FixtureOutput;
    const inTrace = output.spans.filter((s) => s.traceId === output.traceId);

    expect(inTrace.map((s) => s.scope)).toEqual(
      expect.arrayContaining([
        '@opentelemetry/instrumentation-mongodb',
        '@opentelemetry/instrumentation-mongoose',
        '@opentelemetry/instrumentation-ioredis',
        '@opentelemetry/instrumentation-http',
        'fixture',
      ]),
    );
    // Client and server side of the HTTP call.
    expect(inTrace.filter((s) => s.name.startsWith('GET'))).toHaveLength(2);
  });
});

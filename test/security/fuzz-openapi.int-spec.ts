import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import {
  createTestIssuer,
  deleteTopicsWithPrefix,
  dropTestDatabase,
  engineEnv,
  freePort,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  type SpawnedService,
  type TestIssuer,
} from '@buqi/testing';

// Hostile and malformed requests against every service's own OpenAPI document: Schemathesis (from
// PyPI, in the project's virtual environment) generates valid and invalid requests for every
// operation, with a token of the most privileged role and one of the least. A 5xx, a status the
// document does not list, or a body or content type that does not match what it documents fails.
// Bounded (examples per operation, a fixed seed) so the run is reproducible and takes minutes;
// `npm run fuzz` runs it longer with a fresh seed.
const ROOT = resolve(__dirname, '../..');
const REPORTS = join(ROOT, '.buqi/fuzz');
const SERVICES = ['asset-inventory', 'budget-allocation', 'work-orders'] as const;
const MAX_EXAMPLES = process.env['BUQI_FUZZ_EXAMPLES'] ?? '6';
const SEED = process.env['BUQI_FUZZ_SEED'] ?? '20261130';
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
].join(',');

const engines = engineEnv();
let issuer: TestIssuer;
let schemathesis: string;
const tokens: Record<'admin' | 'crew', string> = { admin: '', crew: '' };

beforeAll(async () => {
  mkdirSync(REPORTS, { recursive: true });
  schemathesis = execFileSync('bash', [join(ROOT, 'deploy/local/bin/fuzzer')], { encoding: 'utf8' }).trim();
  issuer = await createTestIssuer();
  tokens.admin = await issuer.token({ sub: 'u-fuzz-admin', roles: ['admin'] });
  tokens.crew = await issuer.token({ sub: 'u-fuzz-crew', roles: ['crew-member'], crew: 'crew-fuzz-1' });
}, 300_000);

afterAll(() => issuer?.close());

/** Runs Schemathesis against the document at `url` with `token`; its exit code and its summary. */
function fuzz(url: string, token: string, label: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      schemathesis,
      [
        'run',
        url,
        '--header',
        `Authorization: Bearer ${token}`,
        '--checks',
        CHECKS,
        '--phases',
        'examples,coverage,fuzzing',
        '--max-examples',
        MAX_EXAMPLES,
        '--seed',
        SEED,
        '--generation-database',
        'none',
        // One worker: with two, Hypothesis's strategy descriptions (ast.parse in both threads) hit
        // CPython 3.11's "AST constructor recursion depth mismatch" now and then, a crash of the
        // tool reported as a runtime error; the requests gain little from a second thread anyway.
        '--workers',
        '1',
        '--request-timeout',
        '30',
        '--warnings',
        'off',
        '--no-color',
        '--report',
        'junit',
        '--report-junit-path',
        join(REPORTS, `${label}.xml`),
      ],
      // In the reports' folder: it keeps its own files where it runs.
      { maxBuffer: 64 * 1024 * 1024, timeout: 600_000, cwd: REPORTS },
      (error, stdout, stderr) =>
        done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

describe.each(SERVICES)('%s under generated requests', (service) => {
  let proc: SpawnedService;
  let base: string;
  const database = uniqueDatabaseName(`fuzz_${service}`);
  const prefix = `${uniqueName('fuzz')}.`;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = spawnService({
      main: `services/${service}/src/main.ts`,
      env: {
        ...engines,
        ...issuer.env,
        MONGO_DB: database,
        HTTP_PORT: String(port),
        KAFKA_TOPIC_PREFIX: prefix,
        JOBS_PREFIX: uniqueName('jobs'),
        LOG_LEVEL: 'warn',
      },
    });
    await proc.waitForHttp(`${base}/health/ready`, { timeoutMs: 180_000 });
  }, 240_000);

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await dropTestDatabase(engines.MONGO_URL, database);
    await deleteTopicsWithPrefix(
      new Kafka({ brokers: engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }),
      prefix,
    );
  });

  it('documents a schema for every answer that has a body', async () => {
    const document = (await (await fetch(`${base}/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>
      >;
    };
    const bare: string[] = [];
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations))
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === '204' || status.startsWith('3')) continue;
          const media = Object.values(response.content ?? {});
          if (media.length === 0 || media.some((m) => !m.schema || Object.keys(m.schema).length === 0))
            bare.push(`${method.toUpperCase()} ${path} ${status}`);
        }
    expect(bare).toEqual([]);
  });

  for (const who of ['admin', 'crew'] as const)
    it(`answers every generated request as documented, never 5xx (${who})`, async () => {
      const { code, output } = await fuzz(`${base}/docs-json`, tokens[who], `${service}-${who}`);
      const summary = output.slice(output.lastIndexOf('SUMMARY'));
      // The failures Schemathesis found, each with the request that reproduces it, above its summary.
      if (code !== 0) console.error(output.slice(-20_000));
      expect({ code, summary }).toMatchObject({ code: 0 });
      // It did test the operations: the summary names how many were tested.
      expect(summary).toMatch(/Tested: [1-9]\d*/);
    }, 900_000);
});

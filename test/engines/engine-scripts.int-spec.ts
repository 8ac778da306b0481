// The local engine scripts (deploy/local/bin/engines): a taken port fails clearly, a Redis
// start/reuse/status/stop cycle works, and Kafka formats its storage whatever its cluster id. Spare ports keep this clear of engines already running, and
// below the kernel's ephemeral range (32768 and up), where a client connection can hold one.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ENGINES = resolve(__dirname, '../../deploy/local/bin/engines');
const TIMEOUT = 180_000;

interface Run {
  code: number | null;
  output: string;
}

function engines(args: string[], env: Record<string, string>): Promise<Run> {
  const base = { ...process.env };
  // External connection strings would make the script skip the local engines.
  delete base.KAFKA_BROKERS;
  delete base.MONGO_URL;
  delete base.REDIS_URL;
  return new Promise((done, reject) => {
    const child = spawn('bash', [ENGINES, ...args], {
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, output }));
  });
}

function occupy(port: number): Promise<Server> {
  return new Promise((done, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

function release(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

describe('deploy/local/bin/engines', () => {
  let home: string;

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'buqi-engines-'));
  });

  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  const taken: Array<{ engine: string; port: number; env: Record<string, string> }> = [
    { engine: 'kafka', port: 28092, env: { BUQI_KAFKA_PORT: '28092', BUQI_KAFKA_CONTROLLER_PORT: '28093' } },
    { engine: 'kafka', port: 28093, env: { BUQI_KAFKA_PORT: '28094', BUQI_KAFKA_CONTROLLER_PORT: '28093' } },
    { engine: 'ferretdb', port: 28217, env: { BUQI_FERRETDB_PORT: '28217' } },
    { engine: 'redis', port: 28379, env: { BUQI_REDIS_PORT: '28379' } },
  ];

  it.each(taken)(
    'start $engine fails clearly when port $port is taken',
    async ({ engine, port, env }) => {
      const server = await occupy(port);
      try {
        const run = await engines(['start', engine], { ...env, BUQI_HOME: home });
        expect(run.code).not.toBe(0);
        expect(run.output).toContain(`[${engine}] FAILED`);
        expect(run.output).toContain(`port 127.0.0.1:${port} is already in use`);
      } finally {
        await release(server);
      }
    },
    TIMEOUT,
  );

  it(
    'starts redis, reuses it on a second start, reports it running, and stops it',
    async () => {
      const env = { BUQI_HOME: home, BUQI_REDIS_PORT: '28380' };
      try {
        const first = await engines(['start', 'redis'], env);
        expect(first.output).toContain('[redis] ready');
        expect(first.code).toBe(0);

        const second = await engines(['start', 'redis'], env);
        expect(second.output).toContain('[redis] already running');
        expect(second.code).toBe(0);

        const status = await engines(['status', 'redis'], env);
        expect(status.code).toBe(0);
        expect(status.output).toMatch(/^redis\s+running\s+pid=\d+ port=28380 rss=\d+MiB/m);

        const stop = await engines(['stop', 'redis'], env);
        expect(stop.code).toBe(0);
        expect(stop.output).toContain('[redis] stopped');

        const after = await engines(['status', 'redis'], env);
        expect(after.output).toMatch(/^redis\s+stopped/m);
      } finally {
        await engines(['stop', 'redis'], env);
      }
    },
    TIMEOUT,
  );

  it(
    'formats and starts kafka with a cluster id that starts with a dash',
    async () => {
      // A random id is base64url: one in 64 starts with "-", which the storage tool must not take
      // for an option.
      const id = '-5vMvyk-ah8qGIadR3YeyQ';
      mkdirSync(join(home, 'data/kafka'), { recursive: true });
      writeFileSync(join(home, 'data/kafka/cluster-id'), id);
      const env = { BUQI_HOME: home, BUQI_KAFKA_PORT: '28095', BUQI_KAFKA_CONTROLLER_PORT: '28096' };
      try {
        const start = await engines(['start', 'kafka'], env);
        expect(start.output).toContain('[kafka] ready');
        expect(start.code).toBe(0);
        expect(readFileSync(join(home, 'data/kafka/kraft/meta.properties'), 'utf8')).toContain(
          `cluster.id=${id}`,
        );
      } finally {
        await engines(['stop', 'kafka'], env);
      }
    },
    TIMEOUT,
  );
});

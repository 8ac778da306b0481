import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { workspaceRoot } from '@buqi/testing';

const run = promisify(execFile);

export type Engine = 'kafka' | 'ferretdb' | 'redis';
const ENGINES: Engine[] = ['kafka', 'ferretdb', 'redis'];

const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/**
 * Kafka, FerretDB and Redis of the fault scenarios' own, started by deploy/local/bin/fault-engines
 * into a home of their own (.buqi/faults) on their own ports (BUQI_FAULTS_*_PORT, the script's
 * defaults repeated here for the clients): the scenarios kill them with SIGKILL, which the engines
 * every other suite shares must not see. An engine already running there (the test command starts
 * them ahead of the scenario) is reused.
 */
export class FaultEngines {
  readonly home = resolve(workspaceRoot(), '.buqi', 'faults');
  readonly ports = {
    kafka: port('BUQI_FAULTS_KAFKA_PORT', 29392),
    controller: port('BUQI_FAULTS_KAFKA_CONTROLLER_PORT', 29393),
    ferretdb: port('BUQI_FAULTS_FERRETDB_PORT', 27317),
    redis: port('BUQI_FAULTS_REDIS_PORT', 16479),
  };

  /** What a service or a client reads to reach these engines. */
  get env(): { KAFKA_BROKERS: string; MONGO_URL: string; REDIS_URL: string } {
    return {
      KAFKA_BROKERS: `127.0.0.1:${this.ports.kafka}`,
      MONGO_URL: `mongodb://127.0.0.1:${this.ports.ferretdb}/`,
      REDIS_URL: `redis://127.0.0.1:${this.ports.redis}`,
    };
  }

  /** Starts `engines` (all three by default) and resolves once each answers. */
  async start(...engines: Engine[]): Promise<void> {
    for (const e of engines.length ? engines : ENGINES) await this.script('start', e);
  }

  async stop(): Promise<void> {
    for (const e of [...ENGINES].reverse()) await this.script('stop', e).catch(() => undefined);
  }

  /** kill -9 of the engine's process; resolves once it is gone. */
  async kill(engine: Engine): Promise<number> {
    const pid = Number(readFileSync(join(this.home, 'run', `${engine}.pid`), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 200; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return pid;
      }
      await sleep(50);
    }
    throw new Error(`${engine} (pid ${pid}) did not die after SIGKILL`);
  }

  /** FLUSHALL on the scenarios' Redis: every queue, job and lock gone at once. */
  async flushRedis(): Promise<void> {
    await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.ports.redis), 'FLUSHALL']);
  }

  private async script(command: 'start' | 'stop', engine: Engine): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BUQI_FAULTS_KAFKA_PORT: String(this.ports.kafka),
      BUQI_FAULTS_KAFKA_CONTROLLER_PORT: String(this.ports.controller),
      BUQI_FAULTS_FERRETDB_PORT: String(this.ports.ferretdb),
      BUQI_FAULTS_REDIS_PORT: String(this.ports.redis),
    };
    try {
      await run('bash', [join(workspaceRoot(), 'deploy/local/bin/fault-engines'), command, engine], {
        env,
        timeout: 180_000,
      });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`engines ${command} ${engine} failed: ${e.stderr ?? e.message}`);
    }
  }
}

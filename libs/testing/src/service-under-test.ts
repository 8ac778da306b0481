// A whole service app in process, set up as production sets it up, on the real engines, with its
// own database, topic prefix and token issuer: what the slices' integration specs call.
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { deleteTopicsWithPrefix } from './kafka-offsets';
import { createTestIssuer, type TestIssuer } from './test-issuer';
import { dropTestDatabase, engineEnv, uniqueDatabaseName, uniqueName } from './test-engines';
import { waitFor } from './wait-for';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export interface ServiceUnderTest {
  app: INestApplication;
  url: string;
  prefix: string;
  kafka: Kafka;
  issuer: TestIssuer;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** Waits until every event the service has written to its outboxes is published. */
  outboxDrained(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the app `create` builds from the environment it is given (the engines', a unique database,
 * topic prefix and jobs prefix, the test issuer's, then `env`), listening on a free port.
 */
export async function startServiceUnderTest(
  scope: string,
  create: (env: Record<string, string>) => Promise<INestApplication>,
  env: Record<string, string> = {},
): Promise<ServiceUnderTest> {
  const engines = engineEnv();
  const database = uniqueDatabaseName(scope);
  const prefix = `${uniqueName(scope)}.`;
  const issuer = await createTestIssuer();
  const app = await create({
    ...engines,
    ...issuer.env,
    MONGO_DB: database,
    KAFKA_TOPIC_PREFIX: prefix,
    JOBS_PREFIX: uniqueName('jobs'),
    LOG_LEVEL: 'warn',
    ...env,
  });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const kafka = new Kafka({ brokers: engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  return {
    app,
    url,
    prefix,
    kafka,
    issuer,
    async call(method, path, { token, body, headers = {} } = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    },
    async outboxDrained() {
      // An aggregate with events still to publish carries its due time (the relay's index).
      const db = app.get<Connection>(getConnectionToken()).db;
      if (!db) throw new Error('no database connection');
      await waitFor('the outboxes drained', async () => {
        for (const c of await db.collections())
          if (await c.findOne({ _outboxDue: { $exists: true } })) return false;
        return true;
      });
    },
    async close() {
      await app.close();
      await issuer.close();
      await dropTestDatabase(engines.MONGO_URL, database);
      await deleteTopicsWithPrefix(kafka, prefix);
    },
  };
}

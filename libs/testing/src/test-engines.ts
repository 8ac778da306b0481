import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import mongoose from 'mongoose';
import { defineConfig, list, loadConfig, url, type Config } from '@buqi/config';

/** Where integration tests find the engines: the local ones unless the environment says otherwise. */
export const testEngineConfig = defineConfig({
  KAFKA_BROKERS: list({ description: 'Kafka brokers for integration tests', default: ['127.0.0.1:29092'] }),
  MONGO_URL: url({
    description: 'MongoDB URL for integration tests',
    default: 'mongodb://127.0.0.1:27217/',
    sensitive: true,
  }),
  REDIS_URL: url({
    description: 'Redis URL for integration tests',
    default: 'redis://127.0.0.1:16379',
    sensitive: true,
  }),
  SMTP_URL: url({
    description: 'SMTP server for integration tests (the local Mailpit)',
    default: 'smtp://127.0.0.1:11025',
    protocols: ['smtp', 'smtps'],
    sensitive: true,
  }),
  MAILPIT_API_URL: url({
    description: 'HTTP API of the Mailpit behind SMTP_URL, where tests read the e-mail sent',
    default: 'http://127.0.0.1:18025',
    protocols: ['http', 'https'],
  }),
  S3_URL: url({
    description: 'S3-compatible object store for integration tests (the local one checks no signatures)',
    default: 'http://127.0.0.1:19000',
    protocols: ['http', 'https'],
  }),
});

export type TestEngines = Config<typeof testEngineConfig>;

export function testEngines(): TestEngines {
  return loadConfig(testEngineConfig);
}

/** The engines as the environment variables a service or fixture process reads. */
export function engineEnv(): {
  KAFKA_BROKERS: string;
  MONGO_URL: string;
  REDIS_URL: string;
  SMTP_URL: string;
  MAILPIT_API_URL: string;
} {
  const e = testEngines();
  return {
    KAFKA_BROKERS: e.KAFKA_BROKERS.join(','),
    MONGO_URL: e.MONGO_URL,
    REDIS_URL: e.REDIS_URL,
    SMTP_URL: e.SMTP_URL,
    MAILPIT_API_URL: e.MAILPIT_API_URL,
  };
}

/** A name no other test run uses: for databases, topic prefixes, consumer groups, queue prefixes. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A database name of its own for one test run, e.g. buqi_test_platform_mbx1k2_3f9a1c. */
export function uniqueDatabaseName(scope: string): string {
  return uniqueName(`buqi_test_${scope.replace(/[^a-z0-9]+/gi, '_')}`);
}

/** A TCP port nothing listens on right now (for a service under test, or as a "closed port"). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('Could not get a free port');
  return address.port;
}

/** Drops a database a test created. */
export async function dropTestDatabase(mongoUrl: string, databaseName: string): Promise<void> {
  const connection = await mongoose
    .createConnection(mongoUrl, { dbName: databaseName, serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/** The variables every service requires, with example values: enough to load a configuration in a unit test. */
export const requiredServiceVariables = Object.freeze({
  KAFKA_BROKERS: 'kafka:9092',
  MONGO_URL: 'mongodb://mongo/',
  REDIS_URL: 'redis://redis',
  AUTH_ISSUER: 'https://id.example.gov.cn',
  AUTH_AUDIENCE: 'buqi',
  AUTH_JWKS_URL: 'https://id.example.gov.cn/jwks',
});

import { randomBytes } from 'node:crypto';

/** Where the engines are: the same variables the services read, defaulting to the local engines. */
export function engineEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    KAFKA_BROKERS: env['KAFKA_BROKERS'] ?? '127.0.0.1:29092',
    MONGO_URL: env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27217/',
    REDIS_URL: env['REDIS_URL'] ?? 'redis://127.0.0.1:16379',
  };
}

/** A name no other test run uses: for databases, topic prefixes and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

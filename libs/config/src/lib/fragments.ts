import type { Config } from './config-spec';
import { enumOf, int, list, str, url } from './helpers';
import { defineVariable, fail, ok, type VariableOptions } from './variable';

// Shared fragments: a service composes its spec by spreading these into defineConfig.

const HOST_PORT = { pattern: /^[^\s:,]+:\d{1,5}$/, expected: 'host:port' } as const;

export const kafkaConfig = {
  KAFKA_BROKERS: list({
    description: 'Kafka bootstrap brokers',
    example: '127.0.0.1:29092',
    item: HOST_PORT,
  }),
  KAFKA_CLIENT_ID: str({ description: 'Kafka client id; the service name when unset', optional: true }),
  KAFKA_TOPIC_PREFIX: str({
    description: 'Prepended to every topic name, to keep environments that share a cluster apart',
    optional: true,
  }),
  KAFKA_CONSUMER_GROUP: str({
    description:
      "The service's consumer group, `<KAFKA_TOPIC_PREFIX><service>` when unset. A new group starts at the earliest offsets: an instance with an empty database and a group of its own rebuilds what it keeps of other services' facts by replaying their topics",
    optional: true,
    format: {
      pattern: /^[A-Za-z0-9._-]{1,200}$/,
      expected: 'up to 200 letters, digits, dots, dashes or underscores',
    },
  }),
  KAFKA_TOPIC_PARTITIONS: int({
    description: 'Partitions for the topics this service creates',
    min: 1,
    max: 1000,
    default: 3,
  }),
} as const;

/** `database` is the service's own database name, used when MONGO_DB is unset. */
export const mongoConfig = (database: string) =>
  ({
    // Sensitive: a connection string may carry credentials.
    MONGO_URL: url({
      description: 'MongoDB connection string',
      example: 'mongodb://127.0.0.1:27217/',
      protocols: ['mongodb', 'mongodb+srv'],
      sensitive: true,
    }),
    MONGO_DB: str({ description: "The service's database name", default: database }),
  }) as const;

export const redisConfig = {
  REDIS_URL: url({
    description: 'Redis connection URL',
    example: 'redis://127.0.0.1:16379',
    protocols: ['redis', 'rediss'],
    sensitive: true,
  }),
  JOBS_PREFIX: str({
    description:
      "Prefix of the job queues' Redis keys, to keep environments sharing one Redis apart; changing it strands waiting jobs",
    default: 'buqi',
    format: {
      pattern: /^[A-Za-z0-9._-]{1,100}$/,
      expected: 'up to 100 letters, digits, dots, dashes or underscores',
    },
  }),
} as const;

/** `port` is the service's own default HTTP port. */
export const httpConfig = (port: number) =>
  ({
    HTTP_PORT: int({ description: 'HTTP listen port', min: 1, max: 65535, default: port }),
    HTTP_HOST: str({ description: 'HTTP listen address', default: '127.0.0.1' }),
    HTTP_BODY_LIMIT: byteSize({
      description: 'Largest request body accepted (larger ones are refused with 413)',
      default: '1mb',
    }),
  }) as const;

const BYTE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2 };

/** A size in bytes: a whole number of bytes, or a number with b, kb or mb (1kb = 1024 bytes). */
function byteSize(options: Omit<VariableOptions<number>, 'default'> & { readonly default: string }) {
  const parse = (raw: string): number | undefined => {
    const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(raw.trim());
    const bytes = match ? Math.floor(Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toLowerCase()]) : NaN;
    return bytes >= 1 && bytes <= 1024 ** 3 ? bytes : undefined;
  };
  const defaultBytes = parse(options.default);
  if (defaultBytes === undefined) throw new Error(`Invalid default size "${options.default}"`);
  const format = (bytes: number): string =>
    bytes % 1024 ** 2 === 0
      ? `${bytes / 1024 ** 2}mb`
      : bytes % 1024 === 0
        ? `${bytes / 1024}kb`
        : `${bytes}`;
  return defineVariable(
    'size',
    { ...options, default: defaultBytes },
    (raw) => {
      const bytes = parse(raw);
      return bytes !== undefined
        ? ok(bytes)
        : fail('is not a size between 1 byte and 1024mb (e.g. 512kb or 1mb)');
    },
    format,
  );
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const telemetryConfig = {
  OTEL_EXPORTER_OTLP_ENDPOINT: url({
    description: 'OTLP/HTTP collector base URL for traces and metrics; nothing is exported when unset',
    example: 'http://127.0.0.1:4318',
    protocols: ['http', 'https'],
    optional: true,
  }),
  LOG_LEVEL: enumOf(LOG_LEVELS, { description: 'Minimum log level', default: 'info' }),
  METRICS_TOKEN: str({
    description:
      'Bearer token Prometheus must send to scrape GET /metrics (Authorization: Bearer <token>); /metrics answers 404 when unset',
    optional: true,
    sensitive: true,
    format: {
      pattern: /^[A-Za-z0-9._~+/=-]{32,512}$/,
      expected: 'a token of 32 to 512 letters, digits or ._~+/=- (e.g. `openssl rand -hex 32`)',
    },
  }),
} as const;

export type KafkaSettings = Config<typeof kafkaConfig>;
export type MongoSettings = Config<ReturnType<typeof mongoConfig>>;
export type RedisSettings = Config<typeof redisConfig>;
export type HttpSettings = Config<ReturnType<typeof httpConfig>>;
export type TelemetrySettings = Config<typeof telemetryConfig>;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What every Buqi service reads: HTTP, its own database, Redis, Kafka and telemetry. A service
 * spreads this into its spec beside its own variables.
 */
export const serviceBaseConfig = (defaults: { httpPort: number; database: string }) =>
  ({
    ...httpConfig(defaults.httpPort),
    ...mongoConfig(defaults.database),
    ...redisConfig,
    ...kafkaConfig,
    ...telemetryConfig,
  }) as const;

import { ConfigError } from './config-error';
import { defineConfig } from './config-spec';
import { httpConfig, kafkaConfig, mongoConfig, redisConfig, telemetryConfig } from './fragments';
import { bool, duration, enumOf, int, list, str, url } from './helpers';
import { loadConfig, printableConfig } from './load-config';

const spec = defineConfig({
  ...kafkaConfig,
  ...mongoConfig('buqi_test'),
  ...redisConfig,
  ...httpConfig(3101),
  ...telemetryConfig,
  FEATURE_ON: bool({ description: 'Feature switch', default: false }),
  SLA_TICK: duration({ description: 'SLA clock tick', default: '30s' }),
  MODE: enumOf(['fast', 'safe'], { description: 'Mode', default: 'safe' }),
  API_TOKEN: str({ description: 'Token for the upstream API', sensitive: true, optional: true }),
});

const minimal = {
  KAFKA_BROKERS: '127.0.0.1:29092',
  MONGO_URL: 'mongodb://127.0.0.1:27217/',
  REDIS_URL: 'redis://127.0.0.1:16379',
};

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults and infers the types from the spec', () => {
    const config = loadConfig(spec, minimal);

    expect(config).toEqual({
      KAFKA_BROKERS: ['127.0.0.1:29092'],
      KAFKA_CLIENT_ID: undefined,
      KAFKA_TOPIC_PARTITIONS: 3,
      MONGO_URL: 'mongodb://127.0.0.1:27217/',
      MONGO_DB: 'buqi_test',
      REDIS_URL: 'redis://127.0.0.1:16379',
      JOBS_PREFIX: 'buqi',
      HTTP_PORT: 3101,
      HTTP_HOST: '127.0.0.1',
      HTTP_BODY_LIMIT: 1024 * 1024,
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
      LOG_LEVEL: 'info',
      FEATURE_ON: false,
      SLA_TICK: 30_000,
      MODE: 'safe',
      API_TOKEN: undefined,
    });
    // Compile-time checks: these assignments fail typecheck if inference regresses.
    const port: number = config.HTTP_PORT;
    const brokers: readonly string[] = config.KAFKA_BROKERS;
    const level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = config.LOG_LEVEL;
    const endpoint: string | undefined = config.OTEL_EXPORTER_OTLP_ENDPOINT;
    const mode: 'fast' | 'safe' = config.MODE;
    expect([port, brokers, level, endpoint, mode]).toHaveLength(5);
  });

  it('parses given values', () => {
    const config = loadConfig(spec, {
      ...minimal,
      KAFKA_BROKERS: ' a:9092, b:9093 ,',
      HTTP_PORT: '8080',
      FEATURE_ON: 'YES',
      SLA_TICK: '5m',
      MODE: 'FAST',
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      MONGO_URL: 'mongodb://user:pw@a:27017,b:27017/db?replicaSet=rs0',
    });

    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(config.HTTP_PORT).toBe(8080);
    expect(config.FEATURE_ON).toBe(true);
    expect(config.SLA_TICK).toBe(300_000);
    expect(config.MODE).toBe('fast');
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(config.MONGO_URL).toContain('replicaSet=rs0');
  });

  it('returns a frozen object', () => {
    const config = loadConfig(spec, minimal);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.KAFKA_BROKERS)).toBe(true);
  });

  it('treats empty and blank values as unset', () => {
    expect(problemsOf(() => loadConfig(spec, { ...minimal, MONGO_URL: '  ' }))).toContain(
      'MONGO_URL is required',
    );
    expect(loadConfig(spec, { ...minimal, HTTP_PORT: '' }).HTTP_PORT).toBe(3101);
  });

  it('names a missing variable with its description and example', () => {
    const message = problemsOf(() => loadConfig(spec, { ...minimal, MONGO_URL: undefined }));
    expect(message).toContain(
      'MONGO_URL is required (MongoDB connection string, e.g. mongodb://127.0.0.1:27217/)',
    );
  });

  it.each([
    ['HTTP_PORT', 'abc', 'HTTP_PORT="abc" is not an integer between 1 and 65535'],
    ['HTTP_PORT', '70000', 'HTTP_PORT="70000" is not an integer between 1 and 65535'],
    ['HTTP_PORT', '80.5', 'HTTP_PORT="80.5" is not an integer between 1 and 65535'],
    ['KAFKA_TOPIC_PARTITIONS', '0', 'KAFKA_TOPIC_PARTITIONS="0" is not an integer between 1 and 1000'],
    ['FEATURE_ON', 'maybe', 'FEATURE_ON="maybe" is not a boolean (true/false, 1/0, yes/no, on/off)'],
    ['SLA_TICK', 'soon', 'SLA_TICK="soon" is not a duration'],
    ['MODE', 'turbo', 'MODE="turbo" is not one of: fast, safe'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL="loud" is not one of: fatal, error, warn, info, debug, trace, silent'],
    [
      'KAFKA_BROKERS',
      'kafka',
      'KAFKA_BROKERS="kafka" is not a comma-separated list of host:port (e.g. 127.0.0.1:29092)',
    ],
    ['KAFKA_BROKERS', ' , ', 'KAFKA_BROKERS="," is not a comma-separated list with at least one item'],
    [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'ftp://x',
      'OTEL_EXPORTER_OTLP_ENDPOINT="ftp://x" is not a URL starting with http:// or https:// (e.g. http://127.0.0.1:4318)',
    ],
    [
      'MONGO_URL',
      'localhost:27017',
      'MONGO_URL (value hidden) is not a URL starting with mongodb:// or mongodb+srv://',
    ],
    [
      'REDIS_URL',
      'redis://bad host',
      'REDIS_URL (value hidden) is not a URL starting with redis:// or rediss://',
    ],
  ])('reports %s=%j as invalid', (name, value, expected) => {
    expect(problemsOf(() => loadConfig(spec, { ...minimal, [name]: value }))).toContain(expected);
  });

  it('reports every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig(spec, { HTTP_PORT: 'abc', MODE: 'turbo' });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.map((p) => p.variable)).toEqual([
      'KAFKA_BROKERS',
      'MONGO_URL',
      'REDIS_URL',
      'HTTP_PORT',
      'MODE',
    ]);
    expect(error.message).toMatch(/^Invalid configuration \(5 problems\):\n {2}- KAFKA_BROKERS is required/);
  });

  it('never prints a sensitive value', () => {
    const secrets = {
      MONGO_URL: 'mongo://admin:s3cr3t-pw@db',
      REDIS_URL: 'nope:hunter2',
      API_TOKEN: 'tok-123',
    };
    const message = problemsOf(() => loadConfig(spec, { ...secrets, HTTP_PORT: 'x' }));

    expect(message).toContain('MONGO_URL (value hidden)');
    expect(message).toContain('REDIS_URL (value hidden)');
    for (const secret of ['s3cr3t-pw', 'admin', 'hunter2']) expect(message).not.toContain(secret);

    const shown = JSON.stringify(
      printableConfig(spec, loadConfig(spec, { ...minimal, API_TOKEN: 'tok-123' })),
    );
    expect(shown).not.toContain('tok-123');
    expect(shown).not.toContain('27217');
    expect(shown).toContain('"API_TOKEN":"[hidden]"');
  });

  it('rejects specs without descriptions or with bad names', () => {
    expect(() => str({ description: ' ' })).toThrow('needs a description');
    expect(() => defineConfig({ httpPort: int({ description: 'port' }) })).toThrow('UPPER_SNAKE_CASE');
    expect(() => duration({ description: 'tick', default: 'soon' })).toThrow('Invalid default duration');
  });

  it('accepts URLs of any scheme when none is specified', () => {
    const anyUrl = defineConfig({ LINK: url({ description: 'Link' }) });
    expect(loadConfig(anyUrl, { LINK: 'amqp://broker:5672' }).LINK).toBe('amqp://broker:5672');
    expect(problemsOf(() => loadConfig(anyUrl, { LINK: 'not a url' }))).toContain('is not an absolute URL');
  });

  it('lists without an item pattern accept any non-empty items', () => {
    const tags = defineConfig({ TAGS: list({ description: 'Tags', default: ['a'] }) });
    expect(loadConfig(tags, { TAGS: 'x,,y' }).TAGS).toEqual(['x', 'y']);
    expect(loadConfig(tags, {}).TAGS).toEqual(['a']);
  });
});

describe('a string of a given format', () => {
  it('refuses a value of another form, saying which form it wants', () => {
    const spec = defineConfig({
      CODE: str({ description: 'a code', format: { pattern: /^[A-Z]{2}$/, expected: 'two capitals' } }),
    });
    expect(loadConfig(spec, { CODE: 'NY' }).CODE).toBe('NY');
    expect(() => loadConfig(spec, { CODE: 'ny' })).toThrow('CODE="ny" is not two capitals');
  });
});

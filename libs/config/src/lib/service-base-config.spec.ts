import { ConfigError } from './config-error';
import { defineConfig } from './config-spec';
import { serviceBaseConfig } from './fragments';
import { loadConfig } from './load-config';

const spec = defineConfig(serviceBaseConfig({ httpPort: 3199, database: 'buqi_example' }));
const engines = {
  KAFKA_BROKERS: '127.0.0.1:29092',
  MONGO_URL: 'mongodb://127.0.0.1:27217/',
  REDIS_URL: 'redis://127.0.0.1:16379',
};

describe('serviceBaseConfig', () => {
  it('needs only the engine URLs and defaults the rest to the service', () => {
    expect(loadConfig(spec, engines)).toMatchObject({
      HTTP_PORT: 3199,
      HTTP_HOST: '127.0.0.1',
      MONGO_DB: 'buqi_example',
      KAFKA_BROKERS: ['127.0.0.1:29092'],
      KAFKA_TOPIC_PARTITIONS: 3,
      KAFKA_TOPIC_PREFIX: undefined,
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
      METRICS_TOKEN: undefined,
    });
  });

  it('takes a long METRICS_TOKEN and refuses a short one without printing it', () => {
    const token = 'a'.repeat(64);
    expect(loadConfig(spec, { ...engines, METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
    const load = () => loadConfig(spec, { ...engines, METRICS_TOKEN: 'secret-but-short' });
    expect(load).toThrow(/METRICS_TOKEN \(value hidden\) is not a token of 32 to 512/);
    expect(load).not.toThrow(/secret-but-short/);
  });

  it('names a missing KAFKA_BROKERS', () => {
    const load = () => loadConfig(spec, { ...engines, KAFKA_BROKERS: undefined });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/KAFKA_BROKERS is required/);
  });

  it('reports every missing engine URL at once', () => {
    expect(() => loadConfig(spec, {})).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ variable: 'MONGO_URL' }),
          expect.objectContaining({ variable: 'REDIS_URL' }),
          expect.objectContaining({ variable: 'KAFKA_BROKERS' }),
        ],
      }),
    );
  });
});

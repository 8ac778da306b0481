import { ConfigError, loadConfig } from '@buqi/config';
import { serviceConfig } from './config';

const engines = {
  KAFKA_BROKERS: '127.0.0.1:29092',
  MONGO_URL: 'mongodb://127.0.0.1:27217/',
  REDIS_URL: 'redis://127.0.0.1:16379',
};

describe('asset-inventory configuration', () => {
  it('needs only the engine URLs and defaults the rest', () => {
    expect(loadConfig(serviceConfig, engines)).toMatchObject({
      HTTP_PORT: 3101,
      HTTP_HOST: '127.0.0.1',
      MONGO_DB: 'buqi_asset_inventory',
      KAFKA_BROKERS: ['127.0.0.1:29092'],
      KAFKA_TOPIC_PARTITIONS: 3,
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
    });
  });

  it('names a missing KAFKA_BROKERS', () => {
    const load = () => loadConfig(serviceConfig, { ...engines, KAFKA_BROKERS: undefined });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/KAFKA_BROKERS is required/);
  });

  it('reports every missing engine URL at once', () => {
    expect(() => loadConfig(serviceConfig, {})).toThrow(
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

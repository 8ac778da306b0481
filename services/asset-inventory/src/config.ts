import {
  defineConfig,
  httpConfig,
  kafkaConfig,
  mongoConfig,
  redisConfig,
  telemetryConfig,
  type Config,
} from '@buqi/config';

export const serviceConfig = defineConfig({
  ...httpConfig(3101),
  ...mongoConfig('buqi_asset_inventory'),
  ...redisConfig,
  ...kafkaConfig,
  ...telemetryConfig,
});

export type ServiceConfig = Config<typeof serviceConfig>;

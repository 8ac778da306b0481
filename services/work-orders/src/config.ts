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
  ...httpConfig(3103),
  ...mongoConfig('buqi_work_orders'),
  ...redisConfig,
  ...kafkaConfig,
  ...telemetryConfig,
});

export type ServiceConfig = Config<typeof serviceConfig>;

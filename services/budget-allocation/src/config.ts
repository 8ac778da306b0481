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
  ...httpConfig(3102),
  ...mongoConfig('buqi_budget_allocation'),
  ...redisConfig,
  ...kafkaConfig,
  ...telemetryConfig,
});

export type ServiceConfig = Config<typeof serviceConfig>;

import { authConfig } from '@buqi/auth';
import { defineConfig, duration, serviceBaseConfig, type Config } from '@buqi/config';
import { telemetryConfig } from './telemetry/telemetry.config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3101, database: 'buqi_asset_inventory' }),
  ...authConfig,
  ...telemetryConfig,
  COVERAGE_SWEEP_INTERVAL: duration({
    description:
      'How often every restroom is checked for the monitoring it must have (coverage-gap shortfalls)',
    default: '5m',
  }),
});

export type ServiceConfig = Config<typeof serviceConfig>;

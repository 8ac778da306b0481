import { defineConfig, serviceBaseConfig, type Config } from '@buqi/config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3102, database: 'buqi_budget_allocation' }),
});

export type ServiceConfig = Config<typeof serviceConfig>;

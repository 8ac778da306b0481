import { authConfig } from '@buqi/auth';
import { defineConfig, serviceBaseConfig, type Config } from '@buqi/config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3103, database: 'buqi_work_orders' }),
  ...authConfig,
});

export type ServiceConfig = Config<typeof serviceConfig>;

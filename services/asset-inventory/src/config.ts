import { authConfig } from '@buqi/auth';
import { defineConfig, serviceBaseConfig, type Config } from '@buqi/config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3101, database: 'buqi_asset_inventory' }),
  ...authConfig,
});

export type ServiceConfig = Config<typeof serviceConfig>;

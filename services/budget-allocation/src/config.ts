import { authConfig } from '@buqi/auth';
import { defineConfig, int, serviceBaseConfig, type Config } from '@buqi/config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3102, database: 'buqi_budget_allocation' }),
  ...authConfig,
  OPTIMISER_THREADS: int({
    description:
      'Worker threads that run budget optimisations off the event loop; one solve uses one thread, further solves queue',
    min: 1,
    max: 32,
    default: 1,
  }),
});

export type ServiceConfig = Config<typeof serviceConfig>;

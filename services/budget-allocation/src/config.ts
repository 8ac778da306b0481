import { authConfig } from '@buqi/auth';
import { defineConfig, duration, int, serviceBaseConfig, type Config } from '@buqi/config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3102, database: 'buqi_budget_allocation' }),
  ...authConfig,
  OPTIMISER_THREADS: int({
    description:
      'Worker threads that run budget optimisations off the event loop; a plan races two methods, one per thread (with one thread they run one after the other); further solves queue',
    min: 1,
    max: 32,
    default: 2,
  }),
  FUNDING_SMALL_REPAIR_LIMIT: int({
    description:
      'A remedy whose cheapest option costs at most this (fen) is funded at once from the maintenance envelope; dearer ones wait for the plan',
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    default: 500_000,
  }),
  PLAN_FUNDING_SWEEP_INTERVAL: duration({
    description:
      'How often plans whose approval or revision a crash interrupted are finished (committed, announced, fanned out)',
    default: '30s',
  }),
});

export type ServiceConfig = Config<typeof serviceConfig>;

import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceConfig } from '../config';
import { Optimiser } from './optimiser';
import { createOptimiserPool, type OptimiserPool } from './optimiser.pool';
import { OPTIMISER_POOL } from './optimiser.tokens';

@Module({})
export class OptimiserModule implements OnApplicationShutdown {
  constructor(@Inject(OPTIMISER_POOL) private readonly pool: OptimiserPool) {}

  static register(config: Pick<ServiceConfig, 'OPTIMISER_THREADS'>): DynamicModule {
    return {
      module: OptimiserModule,
      // One pool per process, for every module that solves (plans, the what-if).
      global: true,
      providers: [
        { provide: OPTIMISER_POOL, useFactory: () => createOptimiserPool(config.OPTIMISER_THREADS) },
        Optimiser,
      ],
      exports: [Optimiser],
    };
  }

  // The last hook: consumers and HTTP have stopped by then, so a solve in flight finishes first.
  onApplicationShutdown(): Promise<void> {
    return this.pool.destroy();
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { serviceFoundation } from '@buqi/messaging';
import type { ServiceConfig } from './config';
import { OptimiserModule } from './optimiser/optimiser.module';
import { serviceInfo } from './service-info';
import { KnownSitesModule } from './sites/sites.module';
import { BudgetsModule } from './budgets/budgets.module';
import { QuotasModule } from './quotas/quotas.module';
import { KnownAssetsModule } from './assets/known-assets.module';
import { CandidatesModule } from './candidates/candidates.module';
import { WhatIfModule } from './what-if/what-if.module';
import { PlansModule } from './plans/plans.module';

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(serviceInfo, config),
        OptimiserModule.register(config),
        KnownSitesModule,
        BudgetsModule,
        QuotasModule,
        KnownAssetsModule,
        CandidatesModule,
        WhatIfModule,
        PlansModule,
      ],
    };
  }
}

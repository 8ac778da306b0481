import { Module, type DynamicModule } from '@nestjs/common';
import { serviceFoundation } from '@buqi/messaging';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';
import { AssetsModule } from './assets/assets.module';
import { SitesModule } from './sites/sites.module';

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundation(serviceInfo, config), SitesModule, AssetsModule],
    };
  }
}

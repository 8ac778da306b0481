import { Module, type DynamicModule } from '@nestjs/common';
import { serviceFoundation } from '@buqi/messaging';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';
import { AssetImportModule } from './asset-import/asset-import.module';
import { AssetsModule } from './assets/assets.module';
import { InspectionsModule } from './inspections/inspections.module';
import { ShortfallsModule } from './shortfalls/shortfalls.module';
import { SitesModule } from './sites/sites.module';
import { TelemetryModule } from './telemetry/telemetry.module';

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(serviceInfo, config),
        // Before AssetsModule: its GET /assets/:code would take /assets/export.csv.
        AssetImportModule,
        SitesModule,
        AssetsModule,
        InspectionsModule,
        TelemetryModule,
        ShortfallsModule,
      ],
    };
  }
}

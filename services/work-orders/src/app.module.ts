import { Module, type DynamicModule } from '@nestjs/common';
import { serviceFoundation } from '@buqi/messaging';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';
import { OrdersModule } from './orders/orders.module';
import { WorkloadModule } from './orders/workload.module';
import { RequestsModule } from './requests/requests.module';
import { PreventiveModule } from './preventive/preventive.module';
import { NotificationsModule } from './notifications/notifications.module';
import { DirectoryModule } from './directory/directory.module';
import { CalendarsModule } from './calendars/calendars.module';
import { StandardsModule } from './standards/standards.module';
import { SettlementModule } from './settlement/settlement.module';
import { ScorecardsModule } from './scorecards/scorecards.module';

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(serviceInfo, config),
        OrdersModule,
        WorkloadModule,
        RequestsModule,
        PreventiveModule,
        NotificationsModule,
        DirectoryModule,
        CalendarsModule,
        StandardsModule,
        SettlementModule,
        ScorecardsModule,
      ],
    };
  }
}

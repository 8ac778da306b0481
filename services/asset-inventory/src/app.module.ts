import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@buqi/platform';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: serviceInfo.name, config }),
        // Kafka: MessagingModule from @buqi/messaging goes here (producer, consumers, outbox, kafka health check).
        // Feature modules follow.
      ],
    };
  }
}

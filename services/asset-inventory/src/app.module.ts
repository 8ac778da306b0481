import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@buqi/contracts';
import { serviceFoundation } from '@buqi/messaging';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';

// Topics this service publishes shortfall.*; consumes device telemetry and completed work.
const topics = [
  TOPICS.shortfallDetected,
  TOPICS.shortfallResolved,
  TOPICS.deviceTelemetry,
  TOPICS.workOrderCompleted,
];

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation({ name: serviceInfo.name, topics }, config),
        // Feature modules follow.
      ],
    };
  }
}
